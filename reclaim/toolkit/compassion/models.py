"""Self-compassion breaks a member chose to keep.

The three answers are sealed with the member's own key; plain columns hold
only the id, the owner and when.
"""

from __future__ import annotations

from django.db import models

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed


class Break(OwnedRecord):
    """One three-step break: what hurt, that others feel it too, a kind word."""

    notice_sealed = models.BinaryField(null=True)
    common_sealed = models.BinaryField(null=True)
    kindness_sealed = models.BinaryField(null=True)
    notice = Sealed()
    common = Sealed()
    kindness = Sealed()

    class Meta(OwnedRecord.Meta):
        indexes = [models.Index(fields=["owner", "created"], name="compassion_break_owner_created")]

    @property
    def has_words(self) -> bool:
        return bool(self.notice or self.common or self.kindness)
