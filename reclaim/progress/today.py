"""What the Today page says: the greeting, the check-in picture and its summary.

Kept apart from the view so the words and the sums can be tested on their
own, and so the therapy-ready summary can reuse the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from reclaim.checkins.models import SCALES, CheckIn
from reclaim.checkins.queries import daily_means

from .charts import Chart, Series, format_value, line_chart

if TYPE_CHECKING:
    from reclaim.accounts.models import User

WINDOW_DAYS = 30

# Direct labels on a chart must be short; the form's longer wording stays on
# the form ("Anxiety or racing thoughts" does not fit beside a line).
SHORT_LABELS = {"anxiety": "Anxiety", "sleep": "Sleep"}


def short_label(name: str) -> str:
    label = next(scale.label for scale in SCALES if scale.name == name)
    return SHORT_LABELS.get(name, label)


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


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _rounded(value: float) -> float:
    return float(format_value(value))


def mood_summary(
    means: dict[date, dict[str, float]], today: date, window: int = WINDOW_DAYS
) -> str | None:
    """One sentence on the average mood of the last `window` days, and before.

    The average is over the days with check-ins (each day already the mean
    of its check-ins), so a day with three check-ins counts once. The two
    numbers are compared as shown, so the sentence never says "up from 4.2"
    beside a 4.2. None when there is nothing to say.
    """
    start = today - timedelta(days=window - 1)
    before = start - timedelta(days=window)
    recent = _mean([v["mood"] for d, v in means.items() if start <= d <= today])
    if recent is None:
        return None
    earlier = _mean([v["mood"] for d, v in means.items() if before <= d < start])
    sentence = f"Over the last {window} days your mood averaged {format_value(recent)} out of 10"
    if earlier is None:
        return sentence + "."
    shown_now, shown_then = _rounded(recent), _rounded(earlier)
    if shown_now > shown_then:
        change = "up from"
    elif shown_now < shown_then:
        change = "down from"
    else:
        change = "about the same as"
    return f"{sentence}, {change} {format_value(earlier)} in the {window} days before."


def scales_chart(
    means: dict[date, dict[str, float]],
    start: date,
    end: date,
    width: int = 640,
    height: int = 260,
) -> Chart:
    """The five check-in scales, one line each, a point per day with check-ins."""
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    series = [
        Series(
            short_label(scale.name),
            [(day, means[day][scale.name] if day in means else None) for day in days],
            f"series-{index + 1}",
        )
        for index, scale in enumerate(SCALES)
    ]
    names = ", ".join(short_label(s.name).lower() for s in SCALES[:-1])
    description = (
        f"Daily averages, from 0 to 10, of {names} and {short_label(SCALES[-1].name).lower()}, "
        f"from {start.day} {start:%B} to {end.day} {end:%B %Y}. "
        "Days without a check-in leave a gap. The numbers are in the table below."
    )
    return line_chart(
        f"Your check-ins from {start.day} {start:%b} to {end.day} {end:%b}",
        description,
        series,
        start,
        end,
        0,
        10,
        width=width,
        height=height,
    )


@dataclass(frozen=True)
class TodayNumbers:
    label: str
    value: str


@dataclass(frozen=True)
class TodayPicture:
    """Everything the Today page shows about check-ins, from one or two queries."""

    today: date
    todays_numbers: list[TodayNumbers]
    # How many check-ins today's numbers are the average of.
    checkins_today: int
    summary: str | None
    chart: Chart | None
    compact_chart: Chart | None

    @property
    def checked_in(self) -> bool:
        return bool(self.todays_numbers)


def today_picture(user: User, now: datetime) -> TodayPicture:
    """The member's day, last 30 days and the 30 before, in their own time zone."""
    today = now.astimezone(user.zone).date()
    start = today - timedelta(days=WINDOW_DAYS - 1)
    # One query covers the chart and both halves of the comparison.
    means = daily_means(user, start - timedelta(days=WINDOW_DAYS), today)
    todays = means.get(today)
    numbers = (
        [
            TodayNumbers(short_label(scale.name), format_value(todays[scale.name]))
            for scale in SCALES
        ]
        if todays
        else []
    )
    # Only asked when there is something to count, so it costs nothing on
    # the days the member has not checked in.
    count = CheckIn.objects.filter(owner=user, day=today).count() if todays else 0
    recent = any(start <= day <= today for day in means)
    return TodayPicture(
        today=today,
        todays_numbers=numbers,
        checkins_today=count,
        summary=mood_summary(means, today),
        chart=scales_chart(means, start, today) if recent else None,
        # Drawn narrow for phones, where the wide one's words would be tiny.
        compact_chart=scales_chart(means, start, today, width=340, height=240) if recent else None,
    )
