"""Booking across a clock change, with the visitor in another zone than the practitioner.

The practitioner's 09:00 stays 09:00 on their clock on both sides of the
change; what is stored (UTC), what the visitor reads, and what the calendar
file says all move with it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from reclaim.practice.models import Booking
from reclaim.practice.queries import consultations as queries

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
    """DTSTART as an instant, whether written in UTC or with a time zone."""
    found = re.search(r"DTSTART(;TZID=([^:;]+))?:(\d{8}T\d{6})(Z?)", ics)
    assert found is not None
    moment = datetime.strptime(found[3], "%Y%m%dT%H%M%S")
    if found[4] == "Z":
        return moment.replace(tzinfo=UTC)
    return moment.replace(tzinfo=ZoneInfo(found[2]))


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
        ics = mail.outbox[-1].attachments[0][1]
        ics = ics.decode() if isinstance(ics, bytes) else ics
        assert _calendar_start(ics) == instant
