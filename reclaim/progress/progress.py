"""What the Progress page shows: questionnaires over time, check-in trends and what helped.

The page asks the database a fixed number of times, however much the
member has recorded: the questionnaires in one query, the check-ins in
one, the journal days in one (see helped.py). What it draws from them is
kept a few minutes in this process under a digest of those rows
(core.memory), so a view that follows no change opens and draws nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString

from reclaim.assessments.queries import sealed_results
from reclaim.checkins.queries import (
    SealedDay,
    local_day,
    means_and_counts,
    sealed_day_parts,
    sealed_days,
)
from reclaim.core.memory import digest, remembered
from reclaim.core.numbers import Periods
from reclaim.journal.queries import days_with_entries

from .figures import period_start
from .helped import MIN_DAYS as HELPED_MIN_DAYS
from .helped import WINDOW_DAYS as HELPED_WINDOW
from .helped import WhatHelped, what_helped
from .questionnaires import MARKER_NOTE, InstrumentPicture, instrument_pictures
from .trends import ScaleTrend, checkin_trends, lighter_note, trend_table

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


def progress_body(user: User, now: datetime, days: int = PERIODS.default) -> SafeString:
    """The page's questionnaires, check-ins and what helped, as markup.

    Three queries read the rows it is drawn from, still sealed: the
    check-ins of the period and the one before (and of the "what helped"
    window), the results, and the days with journal entries. The markup is
    kept under a digest of them, the member's time zone and the period:
    until something is saved, edited or deleted, or the day turns, a view
    opens nothing and draws nothing.
    """
    today = local_day(user, now)
    checkins = sealed_days(user, period_start(today, max(2 * days, HELPED_WINDOW)), today)
    results = sealed_results(user)
    written = sorted(days_with_entries(user, period_start(today, HELPED_WINDOW), today))
    drawn_from = digest(
        [
            *sealed_day_parts(checkins),
            *(
                part
                for row_id, code, taken, sealed in results
                for part in (str(row_id), code, taken.isoformat(), sealed)
            ),
            *(day.isoformat() for day in written),
        ]
    )
    # The markup holds links, so it is kept per address prefix too.
    key = (
        f"progress:{user.pk}:{user.timezone}:{today.isoformat()}:{days}:"
        f"{get_script_prefix()}:{drawn_from}"
    )
    return remembered(key, lambda: _drawn(user, today, days, checkins, set(written)))


def _drawn(
    user: User, today: date, days: int, checkins: list[SealedDay], written: set[date]
) -> SafeString:
    """`progress_body`'s markup, drawn from the rows it read."""
    picture = progress_picture(user, today, days, checkins, written)
    return SafeString(
        render_to_string(
            "progress/_body.html",
            {
                "picture": picture,
                "periods": PERIODS.buttons,
                "helped_min_days": HELPED_MIN_DAYS,
                "marker_note": MARKER_NOTE,
                "lighter_note": lighter_note(),
            },
        )
    )


def progress_picture(
    user: User, today: date, days: int, checkins: list[SealedDay], written: set[date]
) -> ProgressPicture:
    """Everything the Progress page shows, from the check-ins and journal days read for it.

    One set of check-ins covers the trend, the period before it for the
    comparison, and the window of "what helped". The results are read again
    here, and opened: only when the page is drawn, not on a kept view.
    """
    means, _ = means_and_counts(user.pk, checkins)
    columns, rows = trend_table(means, today, days)
    return ProgressPicture(
        today=today,
        days=days,
        instruments=instrument_pictures(user, today),
        trends=checkin_trends(means, today, days),
        trend_columns=columns,
        trend_rows=rows,
        helped=what_helped(means, written, today),
    )
