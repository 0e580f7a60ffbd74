from __future__ import annotations

import uuid
import zoneinfo
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models

from reclaim.vault.fields import Sealed

from .roles import Role

DISPLAY_NAME_MAX_LENGTH = 60


class SealedOwnValue(Sealed):
    """A sealed value on the member's own row: the member is owner and row.

    A new account has no id until it is first saved, and the id is part of
    what the value is bound to: save the account, then assign, seal and save
    the value (`actions.do_set_display_name`). An empty value is stored as
    NULL, as a note is: it reads back as "".
    """

    def owner_of(self, obj: Any) -> Any:
        return obj.pk


class User(AbstractUser):
    """A member, a practitioner or the operator. Profile settings live here.

    The name the member asked us to call them is sealed with their own key:
    it may be their real first name, and together with the e-mail address it
    says who uses the app. The e-mail address and username stay plain,
    because signing in, resetting a password and "this address is taken"
    must find the account before anyone's key can be opened.
    """

    display_name_sealed = models.BinaryField(null=True, editable=False)
    display_name = SealedOwnValue()
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166 code, upper case")
    timezone = models.CharField(max_length=64, default="UTC")
    language = models.CharField(max_length=8, default="en")
    discreet_mode = models.BooleanField(default=False)
    autolock_minutes = models.PositiveSmallIntegerField(default=15)
    onboarded = models.DateTimeField(null=True, blank=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.MEMBER)
    # Off unless the member turns it on: an e-mail about the account can be
    # seen by whoever reads their inbox.
    notices_by_email = models.BooleanField(default=False)
    # Goes up by one with every notice. Each session remembers the number it
    # last looked at, so a page knows whether to look for notices without a
    # query of its own (the user row is read for every page anyway).
    notice_serial = models.PositiveIntegerField(default=0, editable=False)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Callers name the attribute they changed; the column is the sealed one.
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = [
                "display_name_sealed" if name == "display_name" else name for name in fields
            ]
        super().save(*args, **kwargs)

    @property
    def is_member(self) -> bool:
        return self.role == Role.MEMBER

    @property
    def is_practitioner(self) -> bool:
        return self.role == Role.PRACTITIONER

    @property
    def is_operator(self) -> bool:
        return self.role == Role.OPERATOR

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


class Notice(models.Model):
    """Something that happened to the account, told once on the member's next page.

    Only the kind and, for a sign-in, the device in words (as the list of
    places signed in shows it): never an address or a place. The session it
    came from does not show it, since that is where the member just did it.
    """

    class Kind(models.TextChoices):
        SIGN_IN = "sign_in"
        PASSWORD = "password"
        EMAIL = "email"
        TWO_STEP = "two_step"

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    device = models.CharField(max_length=100, blank=True)
    # A hash of the session key, so the row cannot be used to take over a session.
    from_session = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created"]


class Export(models.Model):
    """A copy of everything of the member's, being made or waiting to be downloaded.

    The file (a zip of the JSON and a readable page) is sealed with the
    member's key like anything else they wrote; the row is removed when the
    file is downloaded or 24 hours after it was asked for, whichever comes
    first, and with the account. Progress is counted in parts (one per app).
    """

    class State(models.TextChoices):
        WAITING = "waiting"
        MAKING = "making"
        READY = "ready"
        FAILED = "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="exports")
    created = models.DateTimeField()
    expires = models.DateTimeField(db_index=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.WAITING)
    parts_done = models.PositiveSmallIntegerField(default=0)
    parts_total = models.PositiveSmallIntegerField(default=0)
    file_sealed = models.BinaryField(null=True, editable=False)
    file = Sealed("bytes")

    # Asked for and not finished yet: the page shows progress, not buttons.
    ON_ITS_WAY = (State.WAITING, State.MAKING)

    class Meta:
        ordering = ["-created"]

    @property
    def on_its_way(self) -> bool:
        return self.state in self.ON_ITS_WAY
