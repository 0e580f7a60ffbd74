"""Booking across a clock change, with the visitor in another zone than the practitioner.

The practitioner's 09:00 stays 09:00 on their clock on both sides of the
change; what is stored (UTC), what the visitor reads, and what the calendar
file says all move with it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from django.core import mail

from reclaim.practice.models import Booking
from reclaim.practice.queries import consultations as queries
from reclaim.practice.tests.mailbox import calendar_of

from .consult_makers import booked, offer

CASES = [
    # practitioner, visitor, the day before and after the change, 09:00 there in UTC before/after,
    # and how the visitor reads it before/after.
    (
        "America/New_York",
        "Europe/London",
        (date(2026, 3, 7), date(2026, 3, 9)),
        (datetime(2026, 3, 7, 14, tzinfo=UTC), datetime(2026, 3, 9, 13, tzinfo=UTC)),
        ("14:00", "13:00"),
    ),
    (
        "America/New_York",
        "Asia/Kolkata",
        (date(2026, 10, 31), date(2026, 11, 2)),
        (datetime(2026, 10, 31, 13, tzinfo=UTC), datetime(2026, 11, 2, 14, tzinfo=UTC)),
        ("18:30", "19:30"),
    ),
    (
        "Europe/London",
        "America/New_York",
        (date(2026, 3, 28), date(2026, 3, 30)),
        (datetime(2026, 3, 28, 9, tzinfo=UTC), datetime(2026, 3, 30, 8, tzinfo=UTC)),
        ("05:00", "04:00"),
    ),
    (
        "Asia/Kolkata",
        "America/New_York",
        (date(2026, 3, 7), date(2026, 3, 9)),
        (datetime(2026, 3, 7, 3, 30, tzinfo=UTC), datetime(2026, 3, 9, 3, 30, tzinfo=UTC)),
        ("22:30", "23:30"),
    ),
]


def _calendar_start(ics: str) -> datetime:
    """The event's DTSTART as an instant, read by two parsers that must agree.

    icalendar resolves a TZID with the zone database; vobject with the
    VTIMEZONE block written in the file itself, so it checks what the file says.
    """
    [event] = icalendar.Calendar.from_ical(ics).events
    start = event.start
    assert isinstance(start, datetime)
    assert vobject.readOne(ics).vevent.dtstart.value == start
    return start


@pytest.mark.parametrize(("own", "visitor", "days", "instants", "shown"), CASES)
def test_times_are_right_on_both_sides_of_a_clock_change(
    practitioner, own, visitor, days, instants, shown
):
    offer(practitioner, zone=own, horizon_days=10, daily_maximum=8)
    now = datetime.combine(days[0] - timedelta(days=2), time(12), tzinfo=UTC)
    free = {s.start for s in queries.free_slots_for(practitioner, now)}
    for day, instant, words in zip(days, instants, shown, strict=True):
        # The practitioner's 09:00 that day is this instant, and it is offered.
        assert instant.astimezone(ZoneInfo(own)).time() == time(9)
        assert instant in free
        # The visitor reads it on their own clock.
        by_day = queries.slots_by_day(queries.free_slots_for(practitioner, now), visitor)
        labels = [
            label
            for d in by_day
            for value, label in d.slots
            if value == queries.slot_value(instant)
        ]
        assert labels == [words]
        made = booked(practitioner, instant, zone=visitor, now=now)
        assert Booking.objects.get(pk=made.pk).start == instant
        assert words in queries.when_words(made.start, visitor)
        ics = calendar_of(mail.outbox[-1])[1].decode()
        assert _calendar_start(ics) == instant
