"""What the Progress page shows: questionnaires over time, check-in trends and what helped.

The page asks the database a fixed number of times, however much the
member has recorded: the questionnaires in one query, the check-ins in
one, the journal days in one (see helped.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from reclaim.checkins.queries import daily_means, local_day
from reclaim.core.numbers import Periods

from .figures import period_start
from .helped import WINDOW_DAYS as HELPED_WINDOW
from .helped import WhatHelped, what_helped_for
from .questionnaires import InstrumentPicture, instrument_pictures
from .trends import ScaleTrend, checkin_trends, trend_table

if TYPE_CHECKING:
    from reclaim.accounts.models import User

# The check-in periods the page offers, in days.
PERIODS = Periods((7, 30, 90), default=30)


@dataclass(frozen=True)
class ProgressPicture:
    today: date
    days: int
    instruments: list[InstrumentPicture]
    trends: list[ScaleTrend]
    # The numbers of all five small charts, as one table.
    trend_columns: list[str]
    trend_rows: list[list[str]]
    helped: WhatHelped

    @property
    def checked_in(self) -> bool:
        return any(trend.average is not None for trend in self.trends)


def progress_picture(user: User, now: datetime, days: int = PERIODS.default) -> ProgressPicture:
    """Everything the Progress page shows, in three queries whatever the history.

    One read of the check-ins covers the trend, the period before it for the
    comparison, and the window of "what helped".
    """
    today = local_day(user, now)
    reach = max(2 * days, HELPED_WINDOW)
    means = daily_means(user, period_start(today, reach), today)
    columns, rows = trend_table(means, today, days)
    return ProgressPicture(
        today=today,
        days=days,
        instruments=instrument_pictures(user, today),
        trends=checkin_trends(means, today, days),
        trend_columns=columns,
        trend_rows=rows,
        helped=what_helped_for(user, means, today),
    )
