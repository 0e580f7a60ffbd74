"""Free consultation times, computed from hours, exceptions, settings and bookings.

Pure: no database and no clock. The caller loads what is needed and passes
`now`, so every rule here is easy to test (with hypothesis, too).

How local hours become instants: each day's hours are wall-clock times in
the practitioner's zone, turned into instants for that very date, so
"Mondays 09:00" is 09:00 local in winter and in summer. Across a clock
change:

- a start or end that does not exist locally (the hour skipped in spring)
  moves to the moment the clocks jump; slots are counted in real minutes
  from the start, so no slot begins at a time the clock never shows;
- an hour that happens twice (autumn) is kept once per occurrence: an
  interval starts at the first occurrence of its start time (fold 0) and
  ends at the last of its end time (fold 1), and each slot keeps its own
  offset, so "01:30 EDT" and "01:30 EST" are two different slots.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class WeeklyHours:
    weekday: int  # Monday is 0
    start: time
    end: time


@dataclass(frozen=True)
class DateChange:
    """One date's exception: `off` (whole day when no times) or `extra` hours."""

    day: date
    kind: str  # "off" or "extra"
    start: time | None = None
    end: time | None = None


@dataclass(frozen=True)
class Policy:
    slot_minutes: int = 30
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 15
    notice_hours: int = 12
    horizon_days: int = 28
    daily_maximum: int = 4


@dataclass(frozen=True)
class Slot:
    start: datetime  # aware, UTC
    end: datetime


def _instant(day: date, at: time, zone: ZoneInfo, *, fold: int) -> datetime:
    """The instant a local wall-clock time on `day` names (see the module's note on DST)."""
    local = datetime.combine(day, at, tzinfo=zone).replace(fold=fold)
    moment = local.astimezone(UTC)
    back = moment.astimezone(zone)
    if (back.date(), back.time()) != (day, at):
        # The time falls in a gap: the clocks jumped over it. The two readings
        # of the wall time (with the offset before and after the jump) lie on
        # either side of the jump; find the jump itself, to the second.
        other = local.replace(fold=1 - fold).astimezone(UTC)
        low, high = min(moment, other), max(moment, other)
        wall = datetime.combine(day, at)
        while high - low > timedelta(seconds=1):
            middle = low + (high - low) / 2
            if middle.astimezone(zone).replace(tzinfo=None) >= wall:
                high = middle
            else:
                low = middle
        return high.replace(microsecond=0)
    return moment


def _end_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    # Midnight as an end means the end of the day.
    if at == time(0):
        return _instant(day + timedelta(days=1), at, zone, fold=0)
    return _instant(day, at, zone, fold=1)


def _subtract(
    spans: list[tuple[datetime, datetime]], cut: tuple[datetime, datetime]
) -> list[tuple[datetime, datetime]]:
    kept = []
    for start, end in spans:
        if cut[1] <= start or cut[0] >= end:
            kept.append((start, end))
            continue
        if start < cut[0]:
            kept.append((start, cut[0]))
        if cut[1] < end:
            kept.append((cut[1], end))
    return kept


def open_spans(
    day: date, zone: ZoneInfo, hours: Iterable[WeeklyHours], changes: Iterable[DateChange]
) -> list[tuple[datetime, datetime]]:
    """The instants the practitioner is available on their local `day`, after exceptions."""
    todays = [c for c in changes if c.day == day]
    if any(c.kind == "off" and c.start is None for c in todays):
        spans: list[tuple[datetime, datetime]] = []
    else:
        spans = [
            (_instant(day, h.start, zone, fold=0), _end_instant(day, h.end, zone))
            for h in hours
            if h.weekday == day.weekday()
        ]
    for change in todays:
        if change.kind == "extra" and change.start is not None and change.end is not None:
            spans.append(
                (_instant(day, change.start, zone, fold=0), _end_instant(day, change.end, zone))
            )
    for change in todays:
        if change.kind == "off" and change.start is not None and change.end is not None:
            spans = _subtract(
                spans,
                (_instant(day, change.start, zone, fold=0), _end_instant(day, change.end, zone)),
            )
    return _merged(sorted(s for s in spans if s[1] > s[0]))


def _merged(spans: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Overlapping or touching hours as one span, so no time is offered twice."""
    merged: list[tuple[datetime, datetime]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def conflicts(
    slot_start: datetime, slot_end: datetime, busy: Sequence[tuple[datetime, datetime]], p: Policy
) -> bool:
    """Whether a slot, with its buffers around it, touches a time already taken."""
    before = slot_start - timedelta(minutes=p.buffer_before_minutes)
    after = slot_end + timedelta(minutes=p.buffer_after_minutes)
    return any(before < taken_end and after > taken_start for taken_start, taken_end in busy)


def free_slots(
    *,
    zone: ZoneInfo,
    hours: Sequence[WeeklyHours],
    changes: Sequence[DateChange],
    policy: Policy,
    busy: Sequence[tuple[datetime, datetime]],
    now: datetime,
    until: datetime | None = None,
) -> list[Slot]:
    """Every free slot from `now` (plus notice) to the horizon (or `until`, if sooner).

    `busy` holds the practitioner's held and booked times (without the one
    being moved, when a booking is rescheduled). The daily maximum counts
    those per local day of the practitioner.
    """
    earliest = now + timedelta(hours=policy.notice_hours)
    latest = now + timedelta(days=policy.horizon_days)
    if until is not None:
        latest = min(latest, until)
    if policy.slot_minutes <= 0 or latest <= earliest:
        return []
    length = timedelta(minutes=policy.slot_minutes)
    per_day = Counter(start.astimezone(zone).date() for start, _end in busy)
    # Only bookings near a span can touch its slots: found by bisecting the
    # sorted starts, so eight weeks of hours cost little more than one.
    taken = sorted(busy)
    starts = [start for start, _end in taken]
    reach = max((end - start for start, end in taken), default=timedelta(0)) + timedelta(
        minutes=policy.buffer_before_minutes + policy.buffer_after_minutes + policy.slot_minutes
    )
    found: list[Slot] = []
    day = earliest.astimezone(zone).date()
    last_day = latest.astimezone(zone).date()
    while day <= last_day:
        if per_day[day] < policy.daily_maximum:
            for span_start, span_end in open_spans(day, zone, hours, changes):
                near = taken[
                    bisect_left(starts, span_start - reach) : bisect_right(starts, span_end + reach)
                ]
                start = span_start
                while start + length <= span_end:
                    end = start + length
                    if earliest <= start < latest and not conflicts(start, end, near, policy):
                        found.append(Slot(start.astimezone(UTC), end.astimezone(UTC)))
                    start = end
        day += timedelta(days=1)
    found.sort(key=lambda s: s.start)
    return found
