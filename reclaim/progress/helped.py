"""A first, honest "what helped": check-ins on days with and without journaling.

Only days with a check-in count, so a day is never compared with a guess.
Each day is the mean of that day's check-ins (see checkins.queries). The two
groups are compared only when each has at least MIN_DAYS days: with fewer,
a single hard day would decide the picture. It says what went together; it
cannot say what caused what, and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reclaim.checkins.queries import SCALES, Scale
from reclaim.core.numbers import one_decimal

from .figures import DailyMeans, mean_or_none, period_start
from .labels import short_label

WINDOW_DAYS = 90
MIN_DAYS = 5


@dataclass(frozen=True)
class HelpedRow:
    scale: Scale
    label: str
    # None where the scale was never rated on those days.
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


def what_helped(means: DailyMeans, written: set[date], today: date) -> WhatHelped:
    """Each scale's average on check-in days with writing, and on those without.

    ``means`` are daily check-in means (they may cover more days than the
    window; only the last WINDOW_DAYS up to ``today`` count) and ``written``
    the days with a journal entry.
    """
    start = period_start(today, WINDOW_DAYS)
    days = [day for day in means if start <= day <= today]
    with_days = [day for day in days if day in written]
    without_days = [day for day in days if day not in written]
    rows = []
    if len(with_days) >= MIN_DAYS and len(without_days) >= MIN_DAYS:
        rows = [
            HelpedRow(
                scale=scale,
                label=short_label(scale.name),
                with_writing=mean_or_none(means[day].get(scale.name) for day in with_days),
                without_writing=mean_or_none(means[day].get(scale.name) for day in without_days),
            )
            for scale in SCALES
        ]
    return WhatHelped(days_with=len(with_days), days_without=len(without_days), rows=rows)
