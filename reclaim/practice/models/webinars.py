"""Free webinars: what a practitioner hosts, and who registered for each.

A webinar's page is public once published; its room link is not: only a
confirmed registrant sees it, on their own page behind a signed link and
in their reminders. A registrant's question for the host is their own
words about themselves, so it is sealed with the host's data key.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from reclaim.vault.fields import Sealed

from .site import Practitioner


class Webinar(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        CANCELLED = "cancelled", "Called off"

    host = models.ForeignKey(Practitioner, on_delete=models.PROTECT, related_name="webinars")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    # What the practitioner wrote (Markdown) and what visitors get (clean HTML, rendered on save).
    description = models.TextField(blank=True)
    description_html = models.TextField(blank=True, editable=False)
    # Stored in UTC like every time; `zone` is the clock the host planned it on.
    start = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    zone = models.CharField(max_length=64, default="UTC")
    capacity = models.PositiveIntegerField(default=50)
    # Secret: shown to confirmed registrants only, never on a public page.
    room_link = models.URLField(max_length=500, blank=True)
    replay_link = models.URLField(max_length=500, blank=True)
    replay_until = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["status", "start"])]

    def __str__(self) -> str:
        return self.title

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_minutes)

    def is_over(self, now: datetime | None = None) -> bool:
        return self.end <= (now or timezone.now())

    def replay_available(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return (
            bool(self.replay_link)
            and self.is_over(now)
            and (self.replay_until is None or self.replay_until > now)
        )


class Registration(models.Model):
    """One person's place (or wish for a place) at one webinar.

    Only confirming by the e-mailed link takes a seat: a pending
    registration holds nothing, so nobody can fill a webinar with
    addresses they do not own. `version` is raised whenever a signed link
    is used (confirming, cancelling), so an old link is refused;
    `sequence` is raised on every change a calendar should learn of.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        WAITLISTED = "waitlisted", "On the wait-list"
        CANCELLED = "cancelled", "Cancelled"

    # What a person may hold at most once per webinar and address.
    ACTIVE = (State.PENDING, State.CONFIRMED, State.WAITLISTED)

    # A UUID, known before saving: the sealed question is bound to its row.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="registrations")
    # The host's account, whose data key seals the question.
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=120)
    email = models.EmailField()
    question_sealed = models.BinaryField(null=True, editable=False)
    question = Sealed()
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    # Place on the wait-list (1 is next); empty when not waiting.
    position = models.PositiveIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    sequence = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    sent_24h = models.BooleanField(default=False)
    sent_1h = models.BooleanField(default=False)
    replay_sent = models.BooleanField(default=False)

    class Meta:
        ordering = ["created"]
        indexes = [models.Index(fields=["webinar", "state", "position"])]
        constraints = [
            models.UniqueConstraint(
                fields=["webinar", "email"],
                condition=Q(state__in=["pending", "confirmed", "waitlisted"]),
                name="webinar_one_active_registration_per_email",
            )
        ]

    def __str__(self) -> str:
        # Never the name or address: this can end up in logs.
        return f"Registration {self.pk}"
