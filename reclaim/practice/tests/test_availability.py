"""Free consultation times: weekly hours in the practitioner's zone, exceptions, limits, DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from reclaim.practice.availability import (
    DateChange,
    Policy,
    WeeklyHours,
    conflicts,
    free_slots,
    open_spans,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
KOLKATA = ZoneInfo("Asia/Kolkata")
EVERY_DAY_9_TO_12 = [WeeklyHours(day, time(9), time(12)) for day in range(7)]
PLAIN = Policy(
    slot_minutes=60,
    buffer_before_minutes=0,
    buffer_after_minutes=0,
    notice_hours=0,
    horizon_days=60,
    daily_maximum=10,
)


def _slots(zone, now, hours=EVERY_DAY_9_TO_12, changes=(), policy=PLAIN, busy=(), until=None):
    return free_slots(
        zone=zone,
        hours=list(hours),
        changes=list(changes),
        policy=policy,
        busy=list(busy),
        now=now,
        until=until,
    )


def _local_starts(slots, zone, day: date) -> list[str]:
    return [
        f"{s.start.astimezone(zone):%H:%M}" for s in slots if s.start.astimezone(zone).date() == day
    ]


def test_it_keeps_a_london_monday_at_nine_local_on_both_sides_of_the_clock_change():
    mondays = [WeeklyHours(0, time(9), time(12))]
    now = datetime(2026, 3, 20, tzinfo=UTC)
    slots = _slots(LONDON, now, mondays, until=now + timedelta(days=14))
    before, after = date(2026, 3, 23), date(2026, 3, 30)
    assert _local_starts(slots, LONDON, before) == ["09:00", "10:00", "11:00"]
    assert _local_starts(slots, LONDON, after) == ["09:00", "10:00", "11:00"]
    # In UTC the same wall-clock hour moved by the clock change.
    first = [s.start for s in slots]
    assert datetime(2026, 3, 23, 9, tzinfo=UTC) in first
    assert datetime(2026, 3, 30, 8, tzinfo=UTC) in first


def test_it_skips_a_slot_whose_local_time_does_not_exist_in_new_york_in_march():
    night = [WeeklyHours(6, time(1), time(4))]  # Sunday 8 March 2026: 02:00 jumps to 03:00
    now = datetime(2026, 3, 7, tzinfo=UTC)
    slots = _slots(NEW_YORK, now, night, until=now + timedelta(days=2))
    assert _local_starts(slots, NEW_YORK, date(2026, 3, 8)) == ["01:00", "03:00"]
    # 01:00 to 04:00 is only two real hours that night: two slots, one after the other.
    assert len(slots) == 2
    assert slots[1].start - slots[0].start == timedelta(hours=1)


def test_it_offers_the_twice_happening_hour_in_new_york_in_november_once_each():
    night = [WeeklyHours(6, time(0), time(3))]  # Sunday 1 November 2026: 02:00 falls back to 01:00
    now = datetime(2026, 10, 31, tzinfo=UTC)
    slots = _slots(NEW_YORK, now, night, until=now + timedelta(days=2))
    shown = [
        (f"{s.start.astimezone(NEW_YORK):%H:%M}", s.start.astimezone(NEW_YORK).tzname())
        for s in slots
    ]
    assert shown == [("00:00", "EDT"), ("01:00", "EDT"), ("01:00", "EST"), ("02:00", "EST")]
    assert len({s.start for s in slots}) == 4


def test_it_handles_a_half_hour_zone_like_kolkata():
    now = datetime(2026, 3, 7, tzinfo=UTC)
    slots = _slots(KOLKATA, now, [WeeklyHours(0, time(9), time(10))], until=now + timedelta(days=7))
    assert [s.start for s in slots] == [datetime(2026, 3, 9, 3, 30, tzinfo=UTC)]


def test_a_day_off_removes_that_day_and_extra_hours_add_to_it():
    now = datetime(2026, 6, 1, tzinfo=UTC)  # a Monday
    changes = [
        DateChange(date(2026, 6, 2), "off"),
        DateChange(date(2026, 6, 3), "extra", time(18), time(19)),
        DateChange(date(2026, 6, 4), "off", time(10), time(11)),
    ]
    slots = _slots(LONDON, now, changes=changes, until=now + timedelta(days=5))
    assert _local_starts(slots, LONDON, date(2026, 6, 2)) == []
    assert _local_starts(slots, LONDON, date(2026, 6, 3)) == ["09:00", "10:00", "11:00", "18:00"]
    assert _local_starts(slots, LONDON, date(2026, 6, 4)) == ["09:00", "11:00"]


def test_it_keeps_the_minimum_notice_and_the_horizon():
    now = datetime(2026, 6, 1, 7, tzinfo=UTC)  # 08:00 in London
    policy = Policy(60, 0, 0, notice_hours=3, horizon_days=2, daily_maximum=10)
    slots = _slots(LONDON, now, policy=policy)
    assert slots[0].start == datetime(2026, 6, 1, 10, tzinfo=UTC)  # 11:00 London
    assert all(s.start < now + timedelta(days=2) for s in slots)


def test_the_daily_maximum_closes_a_day_that_is_full():
    now = datetime(2026, 6, 1, tzinfo=UTC)
    policy = Policy(60, 0, 0, 0, 3, daily_maximum=1)
    taken = [(datetime(2026, 6, 1, 8, tzinfo=UTC), datetime(2026, 6, 1, 9, tzinfo=UTC))]
    slots = _slots(LONDON, now, policy=policy, busy=taken)
    assert _local_starts(slots, LONDON, date(2026, 6, 1)) == []
    assert _local_starts(slots, LONDON, date(2026, 6, 2)) == ["09:00", "10:00", "11:00"]


def test_buffers_keep_room_around_a_booking():
    now = datetime(2026, 6, 1, tzinfo=UTC)
    policy = Policy(30, 15, 15, 0, 1, 10)
    taken = [(datetime(2026, 6, 1, 9, tzinfo=UTC), datetime(2026, 6, 1, 9, 30, tzinfo=UTC))]
    slots = _slots(LONDON, now, policy=policy, busy=taken)
    # 10:00 to 10:30 London is taken: 09:30 would end 15 minutes too close, 10:30 start too.
    assert _local_starts(slots, LONDON, date(2026, 6, 1)) == ["09:00", "11:00", "11:30"]


def test_open_spans_of_a_plain_day_are_the_weekly_hours():
    spans = open_spans(date(2026, 6, 1), LONDON, EVERY_DAY_9_TO_12, [])
    assert spans == [(datetime(2026, 6, 1, 8, tzinfo=UTC), datetime(2026, 6, 1, 11, tzinfo=UTC))]


# --- Properties, for any hours, bookings and settings ------------------------

ZONES = st.sampled_from(
    [LONDON, NEW_YORK, KOLKATA, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")]
)
CLOCK = st.integers(min_value=0, max_value=23 * 4).map(lambda q: time(q // 4, (q % 4) * 15))


@st.composite
def weekly_hours(draw):
    start = draw(CLOCK)
    length = draw(
        st.integers(min_value=1, max_value=24 * 4 - 1 - (start.hour * 4 + start.minute // 15))
    )
    minutes = start.hour * 60 + start.minute + length * 15
    end = time(minutes // 60, minutes % 60) if minutes < 24 * 60 else time(23, 59)
    return WeeklyHours(draw(st.integers(0, 6)), start, end)


@st.composite
def bookings(draw, now):
    start = now + timedelta(minutes=15 * draw(st.integers(0, 4 * 24 * 20)))
    return (start, start + timedelta(minutes=draw(st.sampled_from([15, 30, 60]))))


NOW = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=60, deadline=None)
@given(
    zone=ZONES,
    now=NOW,
    hours=st.lists(weekly_hours(), min_size=1, max_size=6),
    policy=st.builds(
        Policy,
        slot_minutes=st.sampled_from([15, 30, 45, 60]),
        buffer_before_minutes=st.integers(0, 30),
        buffer_after_minutes=st.integers(0, 30),
        notice_hours=st.integers(0, 48),
        horizon_days=st.integers(1, 21),
        daily_maximum=st.integers(1, 6),
    ),
    data=st.data(),
)
def test_no_slot_breaks_a_rule(zone, now, hours, policy, data):
    busy = data.draw(st.lists(bookings(now), max_size=8))
    slots = _slots(zone, now, hours, policy=policy, busy=busy)
    for slot in slots:
        # Never over a booking or its buffers.
        assert not conflicts(slot.start, slot.end, busy, policy)
        # Within the notice and the horizon.
        assert slot.start >= now + timedelta(hours=policy.notice_hours)
        assert slot.start < now + timedelta(days=policy.horizon_days)
        # Inside the hours of the practitioner's local day it starts on.
        local_day = slot.start.astimezone(zone).date()
        spans = open_spans(local_day, zone, hours, [])
        assert any(s <= slot.start and slot.end <= e for s, e in spans)
        assert slot.end - slot.start == timedelta(minutes=policy.slot_minutes)
    # Slots never overlap one another.
    for first, second in zip(slots, slots[1:], strict=False):
        assert first.end <= second.start
    # A full day offers nothing.
    full = {
        day
        for day in {b[0].astimezone(zone).date() for b in busy}
        if sum(b[0].astimezone(zone).date() == day for b in busy) >= policy.daily_maximum
    }
    assert not any(s.start.astimezone(zone).date() in full for s in slots)
