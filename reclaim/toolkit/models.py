"""What every tool's saved things share.

A tool's model subclasses `OwnedRecord` and declares its sealed fields the
way the journal does (`note_sealed = BinaryField(null=True)` and
`note = Sealed()`): everything the member types is sealed with their own
data key; plain columns hold only ids, the owner, dates and fixed codes.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class OwnedRecord(models.Model):
    """One member's saved thing in a tool: a random id, its owner and when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_set",
    )
    # Plain defaults rather than auto_now: demo data and benchmarks create
    # a history with dates in the past.
    created = models.DateTimeField(default=timezone.now)
    # The member's own calendar day (their time zone), for weekly views.
    day = models.DateField()

    class Meta:
        abstract = True
        ordering = ["-created"]

    def __str__(self) -> str:
        # Never any sealed words: this can end up in logs and error reports.
        return f"{type(self).__name__} {self.pk}"
