"""Free consultations: a practitioner's weekly hours, exceptions and settings, and bookings.

Hours are kept as local wall-clock times in the practitioner's own time zone
(`user.zone`), so "Mondays 09:00–12:00" stays 09:00 on both sides of a clock
change. Bookings are kept as instants (UTC).

What a visitor answers to the intake questions is sealed with the
practitioner's data key (the practice's key through the vault), so it is
noise in the database, in backups, and to anyone but that practitioner.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from reclaim.vault.fields import Sealed

WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]


class ConsultationSettings(models.Model):
    """How one practitioner offers free consultations (one row each, made on first edit)."""

    practitioner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_settings"
    )
    # Shown to visitors only when switched on, and only with some weekly hours.
    offered = models.BooleanField(default=False)
    slot_minutes = models.PositiveSmallIntegerField(default=30)
    buffer_before_minutes = models.PositiveSmallIntegerField(default=0)
    buffer_after_minutes = models.PositiveSmallIntegerField(default=15)
    notice_hours = models.PositiveSmallIntegerField(default=12)
    horizon_days = models.PositiveSmallIntegerField(default=28)
    daily_maximum = models.PositiveSmallIntegerField(default=4)
    # The practice's own short questions, in order (plain text each).
    intake_questions = models.JSONField(default=list, blank=True)
    # The private calendar feed's secret address is kept only as a digest.
    feed_token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    feed_made = models.DateTimeField(null=True, blank=True)


class AvailabilityRule(models.Model):
    """Weekly hours: on `weekday`, from `start` to `end`, in the practitioner's zone."""

    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="availability_rules"
    )
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    start = models.TimeField()
    end = models.TimeField()

    class Meta:
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="practice_rule_ends_after_start"
            )
        ]


class AvailabilityException(models.Model):
    """One date that differs from the week: a day (or some hours) off, or extra hours."""

    class Kind(models.TextChoices):
        OFF = "off", "Not available"
        EXTRA = "extra", "Extra hours"

    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="availability_exceptions"
    )
    date = models.DateField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    # Both empty for a whole day off; extra hours always have both.
    start = models.TimeField(null=True, blank=True)
    end = models.TimeField(null=True, blank=True)

    class Meta:
        ordering = ["date", "start"]


class PracticeSealed(Sealed):
    """A value sealed with the practitioner's data key, not a member's."""

    def owner_of(self, obj: Any) -> Any:
        return obj.practitioner_id


class Booking(models.Model):
    """One visitor's consultation with one practitioner.

    A booking is first HELD (the visitor has asked; the e-mail link is not
    clicked yet), then BOOKED, and maybe CANCELLED. A hold keeps the time for
    a short while only (`hold_until`); holds that ran out are deleted.

    The database itself refuses two held-or-booked rows of one practitioner
    whose times overlap: an exclusion constraint on PostgreSQL (added in the
    migration), and on SQLite the write lock taken before the check (see
    actions.consultations.do_hold_booking).
    """

    class Status(models.TextChoices):
        HELD = "held", "Waiting for the e-mail link"
        BOOKED = "booked", "Booked"
        CANCELLED = "cancelled", "Cancelled"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_bookings"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.HELD)
    hold_until = models.DateTimeField(null=True, blank=True)
    name = models.CharField(max_length=120)
    contact = models.EmailField()
    # The visitor's own zone, so e-mails and pages speak in their time.
    visitor_zone = models.CharField(max_length=64, default="UTC")
    intake = PracticeSealed("json")
    intake_sealed = models.BinaryField(null=True, blank=True)
    # Raised each time a link is used, so a used link no longer matches.
    version = models.PositiveIntegerField(default=1)
    # The calendar file's SEQUENCE: raised on every change a calendar must see.
    sequence = models.PositiveIntegerField(default=0)
    reminded_day = models.BooleanField(default=False)
    reminded_hour = models.BooleanField(default=False)
    cancelled_by_practice = models.BooleanField(default=False)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start"]
        indexes = [
            models.Index(fields=["practitioner", "start"], name="practice_booking_when"),
            models.Index(fields=["status", "start"], name="practice_booking_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="practice_booking_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        # Neutral: audit lines and admin lists name the time, never the visitor's words.
        return f"Consultation {self.start:%Y-%m-%d %H:%M} UTC"
