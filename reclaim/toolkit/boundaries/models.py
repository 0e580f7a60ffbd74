"""A member's boundaries and the times each one was tested.

Every word is sealed: the parts of a boundary, its script, what happened
and whether it held. The database holds only ids and dates.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed

from .held import OUTCOME_NAMES


class Boundary(OwnedRecord):
    updated = models.DateTimeField(default=timezone.now)
    # {"behaviour": …, "value": a value code or "", "need": …, "action": …}
    parts_sealed = models.BinaryField(null=True)
    parts = Sealed("json")
    script_sealed = models.BinaryField(null=True)
    script = Sealed()
    # How often it held, rebuilt from its log on every change (see held.py).
    tally_sealed = models.BinaryField(null=True)
    tally = Sealed("json")

    class Meta(OwnedRecord.Meta):
        indexes = [
            models.Index(fields=["owner", "created"], name="boundaries_owner_created"),
        ]

    def part(self, name: str) -> str:
        return str((self.parts or {}).get(name, ""))

    @property
    def behaviour(self) -> str:
        return self.part("behaviour")

    @property
    def need(self) -> str:
        return self.part("need")

    @property
    def action(self) -> str:
        return self.part("action")

    @property
    def value(self) -> str:
        return self.part("value")

    @property
    def title(self) -> str:
        """How the boundary is named in lists: its behaviour, or its need."""
        if self.behaviour:
            return f"When {self.behaviour}"
        if self.need:
            return f"I need {self.need}"
        return f"A boundary from {self.day:%-d %B %Y}"


class Occasion(OwnedRecord):
    """One time a boundary was tested: when, what happened, whether it held, what I did."""

    boundary = models.ForeignKey(Boundary, on_delete=models.CASCADE, related_name="occasions")
    # {"what": …, "outcome": "held" | "partly" | "not", "did": …}
    record_sealed = models.BinaryField(null=True)
    record = Sealed("json")

    class Meta(OwnedRecord.Meta):
        ordering = ["-day", "-created"]
        indexes = [
            models.Index(fields=["boundary", "day", "created"], name="boundaries_occasion_day"),
        ]

    def get(self, name: str) -> Any:
        return (self.record or {}).get(name, "")

    @property
    def what(self) -> str:
        return str(self.get("what"))

    @property
    def did(self) -> str:
        return str(self.get("did"))

    @property
    def outcome(self) -> str:
        return str(self.get("outcome"))

    @property
    def outcome_name(self) -> str:
        return OUTCOME_NAMES.get(self.outcome, "")
