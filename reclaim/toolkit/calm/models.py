"""What the calm tool keeps: parked thoughts, grounding notes the member chose to keep, settings.

Everything the member types is sealed with their own data key. A parked
thought's due time is a plain column on purpose: the reminder job must find
due thoughts with a query, without any member's key. It says only "something
is due at this time", never what.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed


class Thought(OwnedRecord):
    """A worry the member parked until a time they chose."""

    # Plain so the reminder job and the "ready" notice can query it (see above).
    due = models.DateTimeField()
    # When the member put it to rest; empty while it waits or is ready.
    done = models.DateTimeField(null=True, blank=True)
    # When the e-mail reminder for this due time went (or was decided
    # against); cleared when the thought is parked again.
    emailed = models.DateTimeField(null=True, blank=True)

    text_sealed = models.BinaryField(null=True)
    now_sealed = models.BinaryField(null=True)
    text = Sealed()  # the worry, in the member's words
    now = Sealed()  # what they think of it now

    class Meta(OwnedRecord.Meta):
        indexes = [
            models.Index(fields=["owner", "done", "due"], name="calm_thought_owner_due"),
            models.Index(
                fields=["due"], name="calm_thought_to_email", condition=Q(emailed__isnull=True)
            ),
        ]


class Grounding(OwnedRecord):
    """The notes of one 5-4-3-2-1 grounding, kept only when the member asked."""

    notes_sealed = models.BinaryField(null=True)
    notes = Sealed("json")  # {"see": "...", "touch": "...", ...}

    class Meta(OwnedRecord.Meta):
        indexes = [models.Index(fields=["owner", "created"], name="calm_grounding_owner")]


class CalmSettings(models.Model):
    """A member's worry time and whether they want e-mail reminders (off by default)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calm_settings"
    )
    # Plain: the reminder job must know who asked for e-mail. An inbox may
    # be read by someone else, so it is off unless the member turns it on.
    by_email = models.BooleanField(default=False)
    # "HH:MM" in the member's time zone, sealed: when someone worries is theirs.
    worry_time_sealed = models.BinaryField(null=True)
    worry_time = Sealed()

    def __str__(self) -> str:
        return f"Calm settings of member {self.owner_id}"
