"""Every consultation write: hours, exceptions, settings, the feed address, and bookings.

No double booking, guaranteed by the database:

- on PostgreSQL an exclusion constraint (migration 0003) refuses two held or
  booked rows of one practitioner whose times overlap; a lock per
  practitioner (an advisory lock for the transaction) also keeps the buffers
  and the daily maximum exact when two visitors ask at once;
- on SQLite every transaction begins with BEGIN IMMEDIATE (settings:
  `transaction_mode`), which takes the database's write lock before the
  free times are checked, so the check and the insert cannot interleave.

A visitor's booking is first a HOLD: it keeps the time for HOLD_MINUTES
while the visitor clicks the link in the e-mail we send (so nobody can book
in someone else's name, and the time is not taken from under them while
they read their mail). Holds that ran out are deleted, answers and all.
"""

from __future__ import annotations

import logging
import secrets
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from reclaim.vault.fields import create_sealed

from .. import audit
from ..calendar import Method, calendar_file
from ..mail import MailNotSent, send_message
from ..models import AvailabilityException, AvailabilityRule, Booking, ConsultationSettings
from ..queries import consultations as queries

log = logging.getLogger(__name__)


class SlotTaken(Exception):
    """The time is no longer free (someone else was quicker, or it has passed)."""


class LinkRefused(Exception):
    """The link was used already, ran out, or the booking can no longer change."""


# --- The practitioner's hours and settings ----------------------------------


@transaction.atomic
def do_save_consultation_settings(user: Any, **values: Any) -> ConsultationSettings:
    """Save how consultations are offered (fields as on ConsultationSettings)."""
    found, _ = ConsultationSettings.objects.get_or_create(practitioner=user)
    for name in (
        "offered",
        "slot_minutes",
        "buffer_before_minutes",
        "buffer_after_minutes",
        "notice_hours",
        "horizon_days",
        "daily_maximum",
        "intake_questions",
    ):
        if name in values:
            setattr(found, name, values[name])
    found.save()
    audit.record(user, "consultation.settings", found, "Consultation settings")
    return found


@transaction.atomic
def do_add_weekly_hours(user: Any, weekday: int, start: time, end: time) -> AvailabilityRule:
    rule = AvailabilityRule.objects.create(practitioner=user, weekday=weekday, start=start, end=end)
    audit.record(user, "availability.add", rule, f"{rule.get_weekday_display()} {start}–{end}")
    return rule


def _remove(user: Any, model: type[AvailabilityRule | AvailabilityException], pk: int) -> bool:
    """Delete one of the practitioner's own hours or dates (another's is left, as if absent)."""
    found = model.objects.filter(practitioner=user, pk=pk).first()
    if found is None:
        return False
    if isinstance(found, AvailabilityRule):
        audit.record(user, "availability.remove", found, found.get_weekday_display())
    else:
        audit.record(user, "availability.exception.remove", found, f"{found.kind} {found.date}")
    found.delete()
    return True


@transaction.atomic
def do_remove_weekly_hours(user: Any, pk: int) -> bool:
    return _remove(user, AvailabilityRule, pk)


@transaction.atomic
def do_add_date_change(
    user: Any, day: date, kind: str, start: time | None, end: time | None
) -> AvailabilityException:
    change = AvailabilityException.objects.create(
        practitioner=user, date=day, kind=kind, start=start, end=end
    )
    audit.record(user, "availability.exception.add", change, f"{kind} {day}")
    return change


@transaction.atomic
def do_remove_date_change(user: Any, pk: int) -> bool:
    return _remove(user, AvailabilityException, pk)


@transaction.atomic
def do_renew_calendar_feed(user: Any) -> str:
    """Make a new secret feed address; the old one stops working at once.

    Only a digest is stored, so the address is shown once, now.
    """
    found, _ = ConsultationSettings.objects.get_or_create(practitioner=user)
    token = secrets.token_urlsafe(32)
    found.feed_token_digest = queries.feed_digest(token)
    found.feed_made = timezone.now()
    found.save(update_fields=["feed_token_digest", "feed_made"])
    audit.record(user, "consultation.feed.renew", found, "Calendar feed")
    return token


# --- Bookings ----------------------------------------------------------------


def _lock_practitioner(user: Any) -> None:
    """Serialise bookings for one practitioner inside the current transaction.

    SQLite already holds the whole database's write lock (BEGIN IMMEDIATE);
    PostgreSQL takes a lock for this practitioner only, so others book freely.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [1301, user.pk])


def _forget_lapsed_holds(user: Any, now: datetime) -> None:
    # A hold nobody confirmed is deleted with what the visitor typed.
    Booking.objects.filter(
        practitioner=user, status=Booking.Status.HELD, hold_until__lt=now
    ).delete()


@transaction.atomic
def do_forget_lapsed_holds(now: datetime | None = None) -> int:
    """Delete every hold whose e-mail link was never clicked in time, answers and all.

    Booking deletes a practitioner's lapsed holds anyway; this reaches the
    ones nobody books after, so unconfirmed words never linger.
    """
    deleted, _ = Booking.objects.filter(
        status=Booking.Status.HELD, hold_until__lt=now or timezone.now()
    ).delete()
    return deleted


def _check_free(user: Any, start: datetime, now: datetime, moving: Booking | None = None) -> None:
    free = queries.free_slots_for(user, now, moving=moving)
    if not any(slot.start == start for slot in free):
        raise SlotTaken


def do_hold_booking(
    practitioner: Any,
    start: datetime,
    *,
    name: str,
    contact: str,
    zone: str,
    answers: list[dict[str, str]],
    now: datetime | None = None,
) -> Booking:
    """Hold a free time for a visitor and e-mail them the link that confirms it.

    Raises SlotTaken when the time is not free (any more); MailNotSent when
    the e-mail could not go (the hold is then let go again).
    """
    now = now or timezone.now()
    settings = queries.settings_of(practitioner)
    try:
        with transaction.atomic():
            _lock_practitioner(practitioner)
            _forget_lapsed_holds(practitioner, now)
            _check_free(practitioner, start, now)
            booking = create_sealed(
                Booking,
                practitioner=practitioner,
                start=start,
                end=start + timedelta(minutes=settings.slot_minutes),
                status=Booking.Status.HELD,
                hold_until=now + timedelta(minutes=queries.HOLD_MINUTES),
                name=name,
                contact=contact,
                visitor_zone=zone,
                intake=answers,
                created=now,
            )
    except IntegrityError:
        # PostgreSQL's exclusion constraint: another booking got there first.
        raise SlotTaken from None
    context = {
        "when": queries.when_words(booking.start, zone),
        "name": name,
        "confirm_url": queries.confirm_url(booking),
        "hold_minutes": queries.HOLD_MINUTES,
    }
    try:
        send_message("booking_confirm", contact, context, subject_kind="appointment", to_name=name)
    except MailNotSent:
        Booking.objects.filter(pk=booking.pk).delete()
        raise
    return booking


def _locked(booking: Booking, version: int) -> Booking:
    """The booking re-read under lock, if the link's version still matches."""
    fresh = Booking.objects.select_for_update().select_related("practitioner").get(pk=booking.pk)
    if fresh.version != version:
        raise LinkRefused
    return fresh


def _tell(booking: Booking, template: str, method: Method = "REQUEST") -> None:
    """E-mail the visitor about their booking, with the calendar file; a failure is logged."""
    context = {
        "when": queries.when_words(booking.start, booking.visitor_zone),
        "name": booking.name,
        "manage_url": queries.manage_url(booking),
        "with_name": queries.practitioner_name(booking.practitioner),
        "by_practice": booking.cancelled_by_practice,
        "book_url": queries.start_url(),
    }
    ics = calendar_file(queries.booking_event(booking), method)
    try:
        send_message(
            template,
            booking.contact,
            context,
            subject_kind="appointment",
            calendar=ics,
            calendar_method=method,
            to_name=booking.name,
        )
    except MailNotSent:
        # The change stands; the page the visitor sees says the same.
        log.warning("A consultation e-mail (%s) could not be sent.", template)


def do_confirm_booking(booking: Booking, version: int, now: datetime | None = None) -> Booking:
    """The visitor clicked the e-mail link: the hold becomes a booking."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _locked(booking, version)
        if fresh.status != Booking.Status.HELD or (fresh.hold_until and fresh.hold_until < now):
            raise LinkRefused
        fresh.status = Booking.Status.BOOKED
        fresh.hold_until = None
        fresh.version += 1
        # A booking made less than a day ahead has just had its day's notice.
        fresh.reminded_day = fresh.start - now <= timedelta(hours=24)
        fresh.save(update_fields=["status", "hold_until", "version", "reminded_day"])
    _tell(fresh, "booking_confirmed")
    return fresh


def do_reschedule_booking(
    booking: Booking, version: int, start: datetime, now: datetime | None = None
) -> Booking:
    """Move a booking to another free time; it stays the same booking (same calendar entry)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            fresh = _locked(booking, version)
            if fresh.status != Booking.Status.BOOKED or fresh.start <= now:
                raise LinkRefused
            _lock_practitioner(fresh.practitioner)
            _forget_lapsed_holds(fresh.practitioner, now)
            _check_free(fresh.practitioner, start, now, moving=fresh)
            length = fresh.end - fresh.start
            fresh.start, fresh.end = start, start + length
            fresh.version += 1
            fresh.sequence += 1
            fresh.reminded_day = fresh.start - now <= timedelta(hours=24)
            fresh.reminded_hour = False
            fresh.save(
                update_fields=[
                    "start",
                    "end",
                    "version",
                    "sequence",
                    "reminded_day",
                    "reminded_hour",
                ]
            )
    except IntegrityError:
        raise SlotTaken from None
    _tell(fresh, "booking_moved")
    return fresh


def _cancel(fresh: Booking, by_practice: bool) -> Booking:
    fresh.status = Booking.Status.CANCELLED
    fresh.version += 1
    fresh.sequence += 1
    fresh.cancelled_by_practice = by_practice
    fresh.save(update_fields=["status", "version", "sequence", "cancelled_by_practice"])
    return fresh


def do_cancel_booking(booking: Booking, version: int, now: datetime | None = None) -> Booking:
    """The visitor cancels through their link."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _locked(booking, version)
        if fresh.status != Booking.Status.BOOKED or fresh.end <= now:
            raise LinkRefused
        _cancel(fresh, by_practice=False)
    _tell(fresh, "booking_cancelled", "CANCEL")
    return fresh


def do_cancel_booking_for_practice(user: Any, booking: Booking) -> Booking:
    """The practitioner cancels one of their bookings; the visitor is told."""
    with transaction.atomic():
        fresh = (
            Booking.objects.select_for_update()
            .select_related("practitioner")
            .get(pk=booking.pk, practitioner=user)
        )
        if fresh.status != Booking.Status.BOOKED:
            return fresh
        _cancel(fresh, by_practice=True)
        audit.record(user, "booking.cancel", fresh)
    _tell(fresh, "booking_cancelled", "CANCEL")
    return fresh


def send_due_reminders(now: datetime | None = None) -> int:
    """Send the reminders due now (a day and an hour before); returns how many went."""
    now = now or timezone.now()
    sent = 0
    for candidate in queries.reminders_due(now).values_list("pk", flat=True):
        with transaction.atomic():
            # skip_locked: two workers never remind the same person twice.
            booking = (
                Booking.objects.select_for_update(skip_locked=True)
                .select_related("practitioner")
                .filter(pk=candidate)
                .first()
            )
            if booking is None:
                continue
            soon = booking.start - now <= timedelta(hours=1)
            if soon and not booking.reminded_hour:
                booking.reminded_hour = booking.reminded_day = True
            elif not booking.reminded_day and not soon:
                booking.reminded_day = True
            else:
                continue
            booking.save(update_fields=["reminded_day", "reminded_hour"])
        _tell(booking, "booking_reminder")
        sent += 1
    return sent
