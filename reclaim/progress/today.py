"""What the Today page says: the greeting, the check-in picture and its summary.

Kept apart from the view so the words and the sums can be tested on their
own, and so the therapy-ready summary can reuse the same picture.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from reclaim.checkins.queries import (
    NOT_RATED,
    SCALES,
    SealedDay,
    Suggestion,
    local_day,
    means_and_counts,
    sealed_day_parts,
    sealed_days,
    suggest_for,
)
from reclaim.core.memory import digest, remembered
from reclaim.core.numbers import change_words, figure, one_decimal

from .figures import DailyMeans, before_start, days_recorded, now_and_before
from .labels import short_label
from .trends import ScaleTrend, checkin_trends, trend_table

if TYPE_CHECKING:
    from reclaim.accounts.models import User

WINDOW_DAYS = 30


def greeting(name: str, moment: datetime) -> str:
    """A plain hello for the hour where the member is.

    In the small hours a bare "Hello" is kinder than a comment on the time.
    """
    hour = moment.hour
    if 5 <= hour < 12:
        words = "Good morning"
    elif 12 <= hour < 18:
        words = "Good afternoon"
    elif hour >= 18:
        words = "Good evening"
    else:
        words = "Hello"
    return f"{words}, {name}." if name else f"{words}."


def mood_summary(means: DailyMeans, today: date, window: int = WINDOW_DAYS) -> str | None:
    """One sentence on the average mood of the last `window` days, and before.

    The average is over the days with check-ins (each day already the mean
    of its check-ins), so a day with three check-ins counts once. The two
    averages are shown and compared as on the Progress page
    (core.numbers). None when there is nothing to say.
    """
    recent, earlier = now_and_before(means, "mood", today, window)
    if recent is None:
        return None
    sentence = f"Over the last {window} days your mood averaged {one_decimal(recent)} out of 10"
    if earlier is None:
        return sentence + "."
    return f"{sentence}, {change_words(recent, earlier)} in the {window} days before."


@dataclass(frozen=True)
class TodayNumbers:
    label: str
    value: str


@dataclass(frozen=True)
class TodayPicture:
    """Everything the Today page shows about check-ins, from one or two queries."""

    today: date
    todays_numbers: list[TodayNumbers]
    # Today's average of each scale, unrounded, for choosing a suggestion;
    # None before the first check-in of the day.
    todays_means: Mapping[str, float | None] | None
    # How many check-ins today's numbers are the average of.
    checkins_today: int
    summary: str | None
    # One small chart per scale, as on the Progress page; empty without
    # check-ins in the last 30 days.
    trends: list[ScaleTrend]
    # The numbers of all five small charts, one row a day.
    trend_rows: list[list[str]]
    # The charts and their table as the page shows them, written once per
    # change rather than walked through the template on every view.
    trends_html: SafeString

    @property
    def checked_in(self) -> bool:
        return bool(self.todays_numbers)


def today_picture(user: User, now: datetime) -> TodayPicture:
    """The member's day, last 30 days and the 30 before, in their own time zone.

    One query reads the check-ins (still sealed) that the chart, both halves
    of the comparison and today's numbers come from. The picture drawn from
    them is kept a few minutes in this process under a digest of those rows
    (core.memory): until the member checks in, edits or deletes, or the day
    turns, a view opens nothing and draws nothing.
    """
    today = local_day(user, now)
    rows = sealed_days(user, before_start(today, WINDOW_DAYS), today)
    drawn_from = digest(sealed_day_parts(rows))
    key = f"today:{user.pk}:{today.isoformat()}:{drawn_from}"
    return remembered(key, lambda: _drawn(user.pk, today, rows))


def _drawn(owner_id: int, today: date, rows: list[SealedDay]) -> TodayPicture:
    """The picture of `today_picture`, opened and drawn from the member's sealed rows."""
    means, counts = means_and_counts(owner_id, rows)
    todays = means.get(today)
    numbers = (
        [
            TodayNumbers(
                short_label(scale.name),
                NOT_RATED if todays.get(scale.name) is None else figure(todays[scale.name]),
            )
            for scale in SCALES
        ]
        if todays
        else []
    )
    count = counts.get(today, 0)
    recent = bool(days_recorded(means, today, WINDOW_DAYS))
    # The same small multiples as the Progress page, drawn from the same
    # read of the check-ins: five calm lines apart rather than five tangled.
    columns, table = trend_table(means, today, WINDOW_DAYS)
    trends = checkin_trends(means, today, WINDOW_DAYS) if recent else []
    html = (
        render_to_string(
            "progress/_trends.html", {"trends": trends, "columns": columns, "rows": table}
        )
        if trends
        else SafeString("")
    )
    return TodayPicture(
        today=today,
        todays_numbers=numbers,
        todays_means=todays,
        checkins_today=count,
        summary=mood_summary(means, today),
        trends=trends,
        trend_rows=table,
        trends_html=html,
    )


def tool_suggestion(picture: TodayPicture) -> Suggestion | None:
    """At most one tool to offer on Today: the one today's check-ins point to.

    Nothing on a steady day or before a check-in: Today is not a wall of
    tiles, and an offer nobody asked for is noise.
    """
    if not picture.todays_means:
        return None
    suggestion = suggest_for(picture.todays_means)
    return None if suggestion.key == "steady" else suggestion
