"""Rebuilding trust: the member's agreements and what they noticed.

Everything about the relationship is sealed with the member's own key: the
words of an agreement and since when it holds, and for each observation
whether the agreement was kept, how much the member trusts right now, and
their note. Plain columns hold only ids, the owner, the day an observation
is about (the chart and the lists sort by it) and the day an agreement was
retired (the forms list only active ones).
"""

from __future__ import annotations

from datetime import date

from django.db import models

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed

KEPT = "kept"
BROKEN = "broken"
UNSURE = "unsure"
OUTCOMES = (
    (KEPT, "Kept"),
    (BROKEN, "Broken"),
    (UNSURE, "Not sure"),
)
OUTCOME_WORDS = dict(OUTCOMES)

TRUST_MIN = 0
TRUST_MAX = 10


class Agreement(OwnedRecord):
    """Something the member and their partner agreed, in the member's words."""

    # Plain: a date with no words, so the forms can list only active agreements.
    retired_on = models.DateField(null=True, blank=True)

    text_sealed = models.BinaryField(null=True)
    text = Sealed()
    # The day it began, as an ISO date ("" when the member left it out).
    since_sealed = models.BinaryField(null=True)
    since = Sealed()

    class Meta(OwnedRecord.Meta):
        indexes = [models.Index(fields=["owner", "created"], name="trust_agreement_owner")]

    @property
    def active(self) -> bool:
        return self.retired_on is None

    @property
    def since_date(self) -> date | None:
        return date.fromisoformat(self.since) if self.since else None


class Observation(OwnedRecord):
    """One dated note: how an agreement went, how much the member trusts, or both.

    `facts` holds {"outcome": "kept" | "broken" | "unsure" | None,
    "trust": 0..10 | None}, sealed, because both say how things are at home.
    `day` (from OwnedRecord) is the day it is about, which the member chooses.
    """

    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="observations",
    )

    facts_sealed = models.BinaryField(null=True)
    facts = Sealed("json")
    note_sealed = models.BinaryField(null=True)
    note = Sealed()

    class Meta:
        ordering = ["-day", "-created"]
        indexes = [models.Index(fields=["owner", "day"], name="trust_observation_owner_day")]

    @property
    def outcome(self) -> str | None:
        return (self.facts or {}).get("outcome")

    @property
    def outcome_words(self) -> str:
        return OUTCOME_WORDS.get(self.outcome or "", "")

    @property
    def trust(self) -> int | None:
        return (self.facts or {}).get("trust")
