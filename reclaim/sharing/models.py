"""What a member shares with a practitioner: the connection, its switches, and every look.

Nothing here is a copy of the member's data. A `Grant` is a switch (this
questionnaire's results, the check-in trends, this one journal entry); the
practitioner's pages read the member's own rows through `shared.py` while
the switch is on, so turning it off hides it on the very next request.

A `Look` records that the practitioner opened a part (when, which part),
never what it held. The member reads these on their Sharing page; the
practitioner cannot switch them off.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from reclaim.vault.fields import Sealed

# How long an invitation code stays open: long enough to reach a client
# between two sessions, short enough that a lost note is soon worth nothing.
INVITATION_DAYS = 14


class ClientInvitation(models.Model):
    """A practitioner's invitation to a client: a short code, single-use, expiring.

    Only a keyed digest of the code is kept (see codes.py), so a copy of the
    database cannot be used to connect. It names no member: the practitioner
    learns who used it only when that member connects.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_invitations"
    )
    code_digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Client invitation {self.pk}"


class Connection(models.Model):
    """A member connected to a practitioner, until the member disconnects.

    Ended connections stay (switched off, `ended` set) so the member can
    still read who looked at what, and when.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The member: `owner`, because the name shown below is sealed with their key.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="connections"
    )
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_connections"
    )
    created = models.DateTimeField(default=timezone.now)
    ended = models.DateTimeField(null=True, blank=True)

    # The name the member chose to show this practitioner (it need not be their own).
    shown_name_sealed = models.BinaryField(null=True)
    shown_name = Sealed()

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "practitioner"],
                condition=Q(ended__isnull=True),
                name="sharing_one_live_connection",
            )
        ]

    def __str__(self) -> str:
        # Never the name: this can end up in logs.
        return f"Connection {self.pk}"

    @property
    def is_live(self) -> bool:
        return self.ended is None


class Part(models.TextChoices):
    """What a switch (and a look) is about. `key` says which one, where there are several."""

    RESULTS = "results", "Questionnaire results"
    ANSWERS = "answers", "Answers to each question"
    TRENDS = "trends", "Check-in trends"
    SAFETY_PLAN = "safety_plan", "Safety plan"
    ENTRY = "entry", "A journal entry"
    TOOL_ENTRY = "tool_entry", "A toolkit entry"
    RISK_ALERTS = "risk_alerts", "Alerts when you may be at risk"


class Grant(models.Model):
    """One switch that is on. Off is the absence of a row: nothing is shared by default.

    `key` is an instrument's code (results, answers), an entry's id (entry),
    a tool's module and its entry's id as "module:id" (tool_entry), or empty
    (trends, safety plan, risk alerts). Ids and codes only, never content.
    """

    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="grants")
    part = models.CharField(max_length=16, choices=Part.choices)
    key = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "part", "key"], name="sharing_one_grant_per_switch"
            )
        ]

    def __str__(self) -> str:
        return f"Grant {self.part} {self.pk}"


# The client list shows the latest result of several questionnaires in one
# row and notes one look for them: their codes, joined with this, are its key.
LIST_KEY_JOIN = ","


class Look(models.Model):
    """The practitioner opened this part of what the member shares, at this moment.

    `key` is as on a Grant, except that a look at the client list's row of
    results names every questionnaire it showed (codes joined by
    LIST_KEY_JOIN).

    Written by `shared.py` in the same request that reads the part, so a
    read the member cannot see does not happen. Never what it held.
    """

    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="looks")
    part = models.CharField(max_length=16, choices=Part.choices)
    key = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(default=timezone.now)
    # True when the look was a PDF copy downloaded, not the page read: a
    # copy leaves Reclaim, and the member's log says so.
    copied = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["connection", "at"], name="sharing_look_connection_at")]

    def __str__(self) -> str:
        return f"Look {self.part} {self.pk}"


class PrivateNote(models.Model):
    """A practitioner's own note about a client, for preparing sessions.

    Sealed with the practitioner's key (`owner` is the practitioner), never
    shown to the client, never in the client's copy of their data, and
    never in a log: the audit line says only that a note was kept or
    removed. It goes with the connection (when the client deletes their
    account) or when the practitioner deletes it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    connection = models.ForeignKey(
        Connection, on_delete=models.CASCADE, related_name="private_notes"
    )
    created = models.DateTimeField(default=timezone.now)
    text_sealed = models.BinaryField(null=True)
    text = Sealed()

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Private note {self.pk}"


class Suggestion(models.Model):
    """A practitioner suggests a questionnaire, a lesson or a tool; the member may take it or not.

    Only a kind and a key from our own catalogue (`suggestions.py`): nothing
    a practitioner types reaches the member through it. `closed` is set when
    the member says "no thanks" (or opens it); an open suggestion is simply
    there until then, with no reminder and no count of days.
    """

    class Answer(models.TextChoices):
        OPENED = "opened"
        DECLINED = "declined"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(max_length=16)
    key = models.CharField(max_length=64)
    created = models.DateTimeField(default=timezone.now)
    closed = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=8, choices=Answer.choices, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Suggestion {self.kind} {self.pk}"


class RiskAlert(models.Model):
    """A practitioner was told that this client may be at urgent risk, and when. Never why.

    Made only while the client has risk alerts switched on, when something
    they wrote or answered opened the urgent path. It holds no words, no
    category, no source: only the moment, and when the practitioner marked
    it seen. The client reads every alert on their Sharing page, and whether
    it was seen, as they read every look.
    """

    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="alerts")
    at = models.DateTimeField(default=timezone.now)
    # When the practitioner's e-mail left; null while it waits for the job.
    sent = models.DateTimeField(null=True, blank=True)
    # When the practitioner marked it seen on the client's page; null until
    # then, so the client list can say which alerts nobody has looked at yet.
    seen = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"Risk alert {self.pk}"
