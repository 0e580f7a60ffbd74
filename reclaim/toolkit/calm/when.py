"""When a parked thought comes back: pure date arithmetic in the member's time zone.

Every choice is turned into one moment (an aware datetime in UTC terms)
here, so the views, the actions and the tests agree on what "tomorrow at my
worry time" means for a member in Sydney or in London.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_WORRY_TIME = time(18, 0)
LATER_TODAY = timedelta(hours=3)
# A thought can be parked for up to a year; beyond that it is not parking.
FURTHEST = timedelta(days=366)

CHOICES = (
    ("worry", "At my worry time"),
    ("later", "Later today"),
    ("tomorrow", "Tomorrow, at my worry time"),
    ("choose", "A day and time I choose"),
)


def parse_time(value: str | None) -> time | None:
    """A stored "HH:MM", or None when there is none or it is unreadable."""
    if not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


def at(day: date, moment: time, zone: ZoneInfo) -> datetime:
    """That wall-clock time on that day where the member lives."""
    return datetime.combine(day, moment, tzinfo=zone)


def next_worry_time(now: datetime, zone: ZoneInfo, worry: time) -> datetime:
    """The next time the member's worry time comes round: today if still ahead, else tomorrow."""
    local = now.astimezone(zone)
    today = at(local.date(), worry, zone)
    return today if today > now else at(local.date() + timedelta(days=1), worry, zone)


def tomorrow_at(now: datetime, zone: ZoneInfo, worry: time) -> datetime:
    """Tomorrow (the member's tomorrow, not the server's) at their worry time."""
    return at(now.astimezone(zone).date() + timedelta(days=1), worry, zone)


def later_today(now: datetime) -> datetime:
    return now + LATER_TODAY


def due_for(
    choice: str,
    now: datetime,
    zone: ZoneInfo,
    worry: time,
    day: date | None = None,
    moment: time | None = None,
) -> datetime:
    """The moment a choice from CHOICES means, from now. `day` and `moment` are for "choose"."""
    if choice == "worry":
        return next_worry_time(now, zone, worry)
    if choice == "later":
        return later_today(now)
    if choice == "tomorrow":
        return tomorrow_at(now, zone, worry)
    if choice == "choose" and day is not None and moment is not None:
        return at(day, moment, zone)
    raise ValueError(f"no such choice: {choice!r}")
