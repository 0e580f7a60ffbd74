"""A member's progress through the lessons.

One row per member. Which lessons they opened and finished, and when, is
sealed with their own data key: what someone is reading about says a lot
about their life, so the database holds only noise and the owner's id.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from reclaim.vault.fields import Sealed


class Progress(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learn_progress"
    )
    # {slug: {"started": iso datetime, "finished": iso datetime}}; either may be absent.
    lessons_sealed = models.BinaryField(null=True)
    lessons = Sealed("json")

    def __str__(self) -> str:
        return f"Progress {self.pk}"
