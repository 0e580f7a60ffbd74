"""Self-worth: an inventory of strengths and accomplishments, and evidence of being enough.

Everything the member writes is sealed with their own data key. The only
plain columns are ids, the owner, dates and whether an item is a strength or
an accomplishment (a fixed code that says nothing the member typed).
"""

from __future__ import annotations

from django.db import models

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed

STRENGTH = "strength"
ACCOMPLISHMENT = "accomplishment"
KINDS = ((STRENGTH, "Strength"), (ACCOMPLISHMENT, "Accomplishment"))


class Item(OwnedRecord):
    """One strength (something I am or do well) or accomplishment (something I have done)."""

    PLAIN = {
        "kind": "a fixed code, strength or accomplishment, that reveals nothing typed",
    }

    kind = models.CharField(max_length=20, choices=KINDS)
    updated = models.DateTimeField(null=True, blank=True)

    text_sealed = models.BinaryField(null=True)
    note_sealed = models.BinaryField(null=True)
    text = Sealed()
    note = Sealed()

    class Meta(OwnedRecord.Meta):
        indexes = [models.Index(fields=["owner", "kind", "created"], name="worth_item_owner_kind")]


class Evidence(OwnedRecord):
    """One dated line of evidence that I am enough; `day` is the day it is about."""

    text_sealed = models.BinaryField(null=True)
    text = Sealed()

    class Meta(OwnedRecord.Meta):
        ordering = ["-day", "-created"]
        indexes = [
            models.Index(fields=["owner", "day", "created"], name="worth_evidence_owner_day")
        ]
