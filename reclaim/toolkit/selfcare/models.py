"""Self-care: a small plan across four areas, and a log of what the member made time for.

What the member chose or wrote is sealed with their own data key (a chosen
suggestion's code too: even a choice says something about a life). Plain
columns are ids, the owner, dates and the area, one of four fixed codes.
"""

from __future__ import annotations

from django.db import models

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed

from .areas import AREAS, get_suggestion

AREA_CHOICES = [(area.code, area.name) for area in AREAS]


class _Named:
    """Words for a plan activity or a log entry, from its sealed `what`.

    `what` is {"code": <suggestion code>} for one of our suggestions, or
    {"own": <the member's words>} for their own.
    """

    what: dict

    @property
    def code(self) -> str:
        return (self.what or {}).get("code", "")

    @property
    def own(self) -> str:
        return (self.what or {}).get("own", "")

    @property
    def label(self) -> str:
        suggestion = get_suggestion(self.code)
        return suggestion.label if suggestion else self.own

    @property
    def done_words(self) -> str:
        suggestion = get_suggestion(self.code)
        return suggestion.done if suggestion else self.own


class Activity(_Named, OwnedRecord):
    """One small thing on the member's plan, in one area."""

    PLAIN = {"area": "one of four fixed area codes, never words the member typed"}

    area = models.CharField(max_length=20, choices=AREA_CHOICES)
    what_sealed = models.BinaryField(null=True)
    what = Sealed("json")

    class Meta(OwnedRecord.Meta):
        ordering = ["created"]


class Done(_Named, OwnedRecord):
    """One time the member made time for an activity, on their own calendar day.

    It keeps its own sealed copy of what was done, so taking an activity off
    the plan (or changing its words) never rewrites what already happened.
    """

    PLAIN = {"area": "one of four fixed area codes, never words the member typed"}

    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    area = models.CharField(max_length=20, choices=AREA_CHOICES)
    what_sealed = models.BinaryField(null=True)
    note_sealed = models.BinaryField(null=True)
    what = Sealed("json")
    note = Sealed()

    class Meta(OwnedRecord.Meta):
        ordering = ["-day", "-created"]
        indexes = [models.Index(fields=["owner", "day"], name="selfcare_done_owner_day")]
