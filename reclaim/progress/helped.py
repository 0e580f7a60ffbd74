"""A first, honest "what helped": check-ins on days with and without journaling.

Only days with a check-in count, so a day is never compared with a guess.
Each day is the mean of that day's check-ins (see checkins.queries). The two
groups are compared only when each has at least MIN_DAYS days: with fewer,
a single hard day would decide the picture. It says what went together; it
cannot say what caused what, and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from reclaim.checkins.models import SCALES, Scale
from reclaim.journal.models import Entry

from .labels import short_label

if TYPE_CHECKING:
    from reclaim.accounts.models import User

WINDOW_DAYS = 90
MIN_DAYS = 5


def journal_days(user: User, start: date, end: date) -> set[date]:
    """The member's own days (their time zone) with at least one journal entry. One query.

    Only the plain ``day`` column is read: nothing sealed is opened.
    """
    return set(
        Entry.objects.filter(owner=user, day__gte=start, day__lte=end)
        # Without the model's default ordering, so DISTINCT is over days alone.
        .order_by()
        .values_list("day", flat=True)
        .distinct()
    )


def one_decimal(value: float | None) -> str:
    """6 → "6.0", 6.25 → "6.3" (half up, as check-in days are rounded), None → "–"."""
    if value is None:
        return "–"
    return str(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class HelpedRow:
    scale: Scale
    label: str
    # None when no day of the group rated this scale.
    with_writing: float | None
    without_writing: float | None

    @property
    def with_text(self) -> str:
        return one_decimal(self.with_writing)

    @property
    def without_text(self) -> str:
        return one_decimal(self.without_writing)


@dataclass(frozen=True)
class WhatHelped:
    days_with: int
    days_without: int
    # Empty when either group has fewer than MIN_DAYS days.
    rows: list[HelpedRow]
    window: int = WINDOW_DAYS

    @property
    def enough(self) -> bool:
        return bool(self.rows)


def mean_or_none(values: list[float | None]) -> float | None:
    """The average of the numbers given, or None when there are none.

    None in `values` is a day a scale was not rated: it counts nowhere, so a
    period without check-ins, or without that scale rated, has no average.
    """
    given = [value for value in values if value is not None]
    return sum(given) / len(given) if given else None


def what_helped(means: dict[date, dict[str, float]], written: set[date], today: date) -> WhatHelped:
    """Each scale's average on check-in days with writing, and on those without.

    ``means`` are daily check-in means (they may cover more days than the
    window; only the last WINDOW_DAYS up to ``today`` count) and ``written``
    the days with a journal entry.
    """
    start = today - timedelta(days=WINDOW_DAYS - 1)
    days = [day for day in means if start <= day <= today]
    with_days = [day for day in days if day in written]
    without_days = [day for day in days if day not in written]
    rows = []
    if len(with_days) >= MIN_DAYS and len(without_days) >= MIN_DAYS:
        rows = [
            HelpedRow(
                scale=scale,
                label=short_label(scale.name),
                with_writing=mean_or_none([means[day][scale.name] for day in with_days]),
                without_writing=mean_or_none([means[day][scale.name] for day in without_days]),
            )
            for scale in SCALES
        ]
    return WhatHelped(days_with=len(with_days), days_without=len(without_days), rows=rows)


def what_helped_for(user: User, means: dict[date, dict[str, float]], today: date) -> WhatHelped:
    """what_helped with the member's journal days read for the window: one query."""
    start = today - timedelta(days=WINDOW_DAYS - 1)
    return what_helped(means, journal_days(user, start, today), today)
