from __future__ import annotations

import uuid
import zoneinfo

from django.contrib.auth.models import AbstractUser
from django.db import models

from reclaim.vault.fields import Sealed


class User(AbstractUser):
    """A member (or, later, a practitioner). Profile settings live here."""

    display_name = models.CharField(max_length=60, blank=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166 code, upper case")
    timezone = models.CharField(max_length=64, default="UTC")
    language = models.CharField(max_length=8, default="en")
    discreet_mode = models.BooleanField(default=False)
    autolock_minutes = models.PositiveSmallIntegerField(default=15)
    onboarded = models.DateTimeField(null=True, blank=True)

    @property
    def name_to_show(self) -> str:
        return self.display_name or self.username

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")


class Situation(models.Model):
    """What the member chose to tell us about what happened. Sealed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(User, on_delete=models.CASCADE, related_name="situation")
    details_sealed = models.BinaryField(null=True)
    details = Sealed("json")
    updated = models.DateTimeField(auto_now=True)


class RecoveryCode(models.Model):
    """One-time codes for members who signed up without an e-mail address.

    Only a hash is stored; the codes are shown once, when they are made.
    """

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=200)
    used = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
