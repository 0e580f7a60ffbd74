"""What consultation pages, e-mails, feeds and the home page read.

Free times come from `availability.free_slots`, fed with one practitioner's
hours, exceptions, settings and held or booked times. Intake answers are
opened only in `bookings_for_practice`, for the practitioner who owns them.
"""

from __future__ import annotations

import hashlib
import time
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import groupby
from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from reclaim.accounts.zones import TIMEZONES, zone_label
from reclaim.vault.fields import open_rows

from .. import availability, seo, signed_links
from ..calendar import TITLE_APPOINTMENT, TITLE_CONSULTATION, CalendarEvent, uid_for
from ..models import (
    AvailabilityException,
    AvailabilityRule,
    Booking,
    ConsultationSettings,
    Practitioner,
)

# How long a visitor's hold keeps a time while the e-mail link is not clicked.
HOLD_MINUTES = 30
# Links in e-mails: to confirm a hold, and to change or cancel a booking.
CONFIRM_PURPOSE = "consultation-confirm"
MANAGE_PURPOSE = "consultation-manage"
CONFIRM_LINK_AGE = timedelta(minutes=HOLD_MINUTES)
# Longer than the furthest anyone may book ahead (see forms: at most 90 days).
MANAGE_LINK_AGE = timedelta(days=120)
# The neutral titles: what the visitor's calendar and the practitioner's feed show.


def zone_or_utc(name: str) -> zoneinfo.ZoneInfo:
    """A zone by name; an unknown name reads as UTC rather than failing."""
    if name not in TIMEZONES:
        return zoneinfo.ZoneInfo("UTC")
    return zoneinfo.ZoneInfo(name)


def known_zone(name: str) -> bool:
    return name in TIMEZONES


def zone_words(zone_name: str) -> str:
    """The zone times are shown in, in words: "New York time (America/New_York)"."""
    return zone_label(zone_name)


def when_words(moment: datetime, zone_name: str) -> str:
    """A time as a visitor reads it: "Monday 7 December 2026, 10:00 (New York time)".

    The abbreviation (EST, EDT) is added on the day an hour happens twice, so
    the two 01:30s can be told apart.
    """
    local = moment.astimezone(zone_or_utc(zone_name))
    words = f"{local:%A} {local.day} {local:%B %Y}, {local:%H:%M}"
    twice = local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()
    if twice:
        words += f" {local.tzname()}"
    label = zone_label(zone_name).split(" (")[0]
    return f"{words} ({label})"


def settings_of(user: Any) -> ConsultationSettings:
    """The practitioner's settings, or the defaults (unsaved) before the first edit."""
    found = ConsultationSettings.objects.filter(practitioner=user).first()
    return found or ConsultationSettings(practitioner=user)


def policy_of(found: ConsultationSettings) -> availability.Policy:
    return availability.Policy(
        slot_minutes=found.slot_minutes,
        buffer_before_minutes=found.buffer_before_minutes,
        buffer_after_minutes=found.buffer_after_minutes,
        notice_hours=found.notice_hours,
        horizon_days=found.horizon_days,
        daily_maximum=found.daily_maximum,
    )


def rules_of(user: Any) -> list[AvailabilityRule]:
    return list(AvailabilityRule.objects.filter(practitioner=user))


def exceptions_of(user: Any, since: datetime | None = None) -> list[AvailabilityException]:
    found = AvailabilityException.objects.filter(practitioner=user)
    if since is not None:
        found = found.filter(date__gte=(since - timedelta(days=1)).date())
    return list(found)


def taking_time(user: Any, now: datetime) -> QuerySet[Booking]:
    """A practitioner's bookings that take time: booked, or held and not run out."""
    return Booking.objects.filter(practitioner=user, end__gt=now - timedelta(days=1)).filter(
        Q(status=Booking.Status.BOOKED) | Q(status=Booking.Status.HELD, hold_until__gte=now)
    )


def free_slots_for(
    user: Any,
    now: datetime | None = None,
    *,
    moving: Booking | None = None,
    until: datetime | None = None,
) -> list[availability.Slot]:
    """A practitioner's free times, from now to their horizon (not counting `moving`)."""
    now = now or timezone.now()
    found = settings_of(user)
    busy = taking_time(user, now)
    if moving is not None:
        busy = busy.exclude(pk=moving.pk)
    return availability.free_slots(
        zone=user.zone,
        hours=[availability.WeeklyHours(r.weekday, r.start, r.end) for r in rules_of(user)],
        changes=[
            availability.DateChange(e.date, e.kind, e.start, e.end)
            for e in exceptions_of(user, now)
        ],
        policy=policy_of(found),
        busy=list(busy.values_list("start", "end")),
        now=now,
        until=until,
    )


@dataclass(frozen=True)
class Day:
    label: str
    slots: list[tuple[str, str]]  # (the start as a value for the form, the time as words)


def slots_by_day(slots: list[availability.Slot], zone_name: str) -> list[Day]:
    """Free times grouped by the visitor's local day, in the visitor's words."""
    zone = zone_or_utc(zone_name)
    days = []
    for day, group in groupby(slots, key=lambda s: s.start.astimezone(zone).date()):
        shown = []
        for slot in group:
            local = slot.start.astimezone(zone)
            label = f"{local:%H:%M}"
            if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
                label += f" {local.tzname()}"
            shown.append((slot_value(slot.start), label))
        days.append(Day(f"{day:%A} {day.day} {day:%B}", shown))
    return days


def slot_value(start: datetime) -> str:
    """How a slot's start travels in a link or a form: UTC, to the minute."""
    return start.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def parse_slot_value(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%MZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def offering_practitioners() -> list[Practitioner]:
    """Listed practitioners who offer consultations and have some weekly hours."""
    return list(
        Practitioner.objects.filter(
            listed=True,
            user__consultation_settings__offered=True,
            user__availability_rules__isnull=False,
        )
        .select_related("user")
        .distinct()
        .order_by("name")
    )


def offering_by_slug(slug: str) -> Practitioner | None:
    return next((p for p in offering_practitioners() if p.slug == slug), None)


# The home page's "next free time" is worked out at most once a minute per
# process for the same practitioners: it is public, the same for everyone, and
# a shared cache may keep the page for longer anyway. Kept in process memory
# only, so reading the page writes nothing.
TEASER_SECONDS = 60
_teaser: dict[str, Any] = {}


def consultation_teaser(now: datetime | None = None) -> dict[str, Any] | None:
    """For the home page: where to book, and the soonest free time (in the practice's zone)."""
    people = offering_practitioners()
    if not people:
        return None
    key = (tuple(person.pk for person in people), int(time.time() // TEASER_SECONDS))
    if now is not None or _teaser.get("key") != key:
        words = _next_free_words(people, now or timezone.now())
        if now is not None:
            return {"url": reverse("site:consultation"), "next_free": words}
        _teaser.update(key=key, words=words)
    return {"url": reverse("site:consultation"), "next_free": _teaser["words"]}


def _next_free_words(people: list[Practitioner], now: datetime) -> str:
    soonest: tuple[datetime, Practitioner] | None = None
    for person in people:
        # A fortnight is enough to find the next free time, and keeps the page fast.
        slots = free_slots_for(person.user, now, until=now + timedelta(days=14))
        if slots and (soonest is None or slots[0].start < soonest[0]):
            soonest = (slots[0].start, person)
    return when_words(soonest[0], soonest[1].user.timezone) if soonest else ""


def intake_questions_of(user: Any) -> list[str]:
    return list(settings_of(user).intake_questions or [])


def link(purpose: str, booking: Booking) -> str:
    return signed_links.make_link_token(purpose, str(booking.pk), booking.version)


def booking_for_link(purpose: str, token: str) -> Booking | None:
    """The booking a signed link names, if the link is still good (not used, not expired)."""
    age = CONFIRM_LINK_AGE if purpose == CONFIRM_PURPOSE else MANAGE_LINK_AGE
    read = signed_links.read_link_token(purpose, token, age)
    if read is None:
        return None
    ident, version = read
    try:
        key = UUID(ident)
    except ValueError:
        return None
    found = Booking.objects.select_related("practitioner").filter(pk=key).first()
    if found is None or found.version != version:
        return None
    return found


def manage_url(booking: Booking) -> str:
    return seo.absolute(reverse("site:consultation_booking", args=[link(MANAGE_PURPOSE, booking)]))


def start_url() -> str:
    """The public page where a new booking starts, as a full address for e-mails."""
    return seo.absolute(reverse("site:consultation"))


def confirm_url(booking: Booking) -> str:
    return seo.absolute(reverse("site:consultation_confirm", args=[link(CONFIRM_PURPOSE, booking)]))


def practitioner_name(user: Any) -> str:
    profile = Practitioner.objects.filter(user=user).only("name").first()
    return profile.name if profile else user.username


def booking_event(booking: Booking, *, for_practice: bool = False) -> CalendarEvent:
    """The calendar entry for a booking: the visitor's (with their links) or the practice feed's.

    Neither carries intake answers; the titles are neutral.
    """
    same: dict[str, Any] = {
        "uid": uid_for("booking", str(booking.pk)),
        "sequence": booking.sequence,
        "start": booking.start,
        "end": booking.end,
    }
    if for_practice:
        return CalendarEvent(
            **same,
            summary=TITLE_CONSULTATION,
            # No name and no answers: a feed may be copied to a calendar service.
            description="Details are in the practice area: "
            + seo.absolute(reverse("practice:bookings")),
            zone=booking.practitioner.timezone,
        )
    manage = manage_url(booking)
    return CalendarEvent(
        **same,
        summary=TITLE_APPOINTMENT,
        description=f"To change the time or cancel: {manage}",
        url=manage,
        organizer_name=practitioner_name(booking.practitioner),
        attendee_email=booking.contact,
        attendee_name=booking.name,
        zone=booking.visitor_zone,
    )


@dataclass(frozen=True)
class PracticeBookings:
    upcoming: list[Booking]
    past: list[Booking]
    cancelled: list[Booking]


# How many past or cancelled bookings the list shows (the newest).
SHOWN_PAST = 50


def bookings_for_practice(user: Any, now: datetime | None = None) -> PracticeBookings:
    """The practitioner's own bookings, with intake answers opened by their key."""
    now = now or timezone.now()
    mine = Booking.objects.filter(practitioner=user)
    upcoming = list(mine.filter(status=Booking.Status.BOOKED, end__gt=now).order_by("start"))
    past = list(
        mine.filter(status=Booking.Status.BOOKED, end__lte=now).order_by("-start")[:SHOWN_PAST]
    )
    cancelled = list(mine.filter(status=Booking.Status.CANCELLED).order_by("-start")[:SHOWN_PAST])
    open_rows(upcoming + past + cancelled, "intake")
    return PracticeBookings(upcoming, past, cancelled)


def practice_booking(user: Any, pk: UUID) -> Booking | None:
    """One of the practitioner's own bookings (another's is None, as if it did not exist)."""
    return Booking.objects.filter(practitioner=user, pk=pk).select_related("practitioner").first()


def feed_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_events(token: str) -> list[CalendarEvent] | None:
    """The practitioner's booked times for their private feed, or None for an unknown address."""
    if not token:
        return None
    found = (
        ConsultationSettings.objects.filter(feed_token_digest=feed_digest(token))
        .select_related("practitioner")
        .first()
    )
    if found is None:
        return None
    since = timezone.now() - timedelta(days=30)
    booked = Booking.objects.filter(
        practitioner=found.practitioner, status=Booking.Status.BOOKED, end__gte=since
    ).select_related("practitioner")
    return [booking_event(b, for_practice=True) for b in booked]


def reminders_due(now: datetime) -> QuerySet[Booking]:
    """Booked consultations starting within a day that still owe a reminder."""
    return Booking.objects.filter(
        status=Booking.Status.BOOKED, start__gt=now, start__lte=now + timedelta(hours=24)
    ).filter(Q(reminded_day=False) | Q(reminded_hour=False, start__lte=now + timedelta(hours=1)))
