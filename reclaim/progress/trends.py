"""The check-in trends: one small chart per scale, its average against the period before, one table.

Shared by Today, Progress and the summary, so the three draw the same
pictures from the same read of the check-ins; the averages and periods
are computed in figures.py and shown through core.numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from reclaim.checkins.queries import SCALES, Scale
from reclaim.core.numbers import change_words, figure, format_day, long_day, one_decimal
from reclaim.core.text import listed

from .charts import Chart, Series, line_chart
from .figures import DailyMeans, days_from, days_recorded, now_and_before, period_start
from .labels import short_label


def lighter_words(scale: Scale) -> str:
    return "higher is lighter" if scale.higher_is_better else "lower is lighter"


def lighter_note() -> str:
    """Which way is lighter for each scale, in one line beside the charts.

    Written from the scales themselves, so a scale added or turned around
    is named on Today, Progress and in the PDF alike.
    """
    higher = [short_label(s.name).lower() for s in SCALES if s.higher_is_better]
    lower = [short_label(s.name).lower() for s in SCALES if not s.higher_is_better]
    note = f"Higher is lighter for {listed(higher)}." if higher else ""
    if lower:
        note += f" For {listed(lower)}, lower is lighter."
    return note.strip()


# A check-in chart on a page: drawn once, about as wide as a phone shows it,
# and scaled by the browser to the screen (see .chart-narrow in reclaim.css).
PAGE_WIDTH = 360
PAGE_HEIGHT = 165


@dataclass(frozen=True)
class ScaleTrend:
    scale: Scale
    label: str
    chart: Chart
    # Always None now: one chart serves every width. Kept for older templates.
    compact: Chart | None
    average: float | None
    before: float | None
    days_recorded: int

    @property
    def average_text(self) -> str:
        return one_decimal(self.average)

    @property
    def before_text(self) -> str:
        return one_decimal(self.before)

    @property
    def sentence(self) -> str:
        """This period's average against the period before, compared as shown.

        The words compare the numbers as shown (core.numbers.change_words).
        """
        if self.average is None:
            return "No check-ins in this period."
        text = f"Average {self.average_text} out of 10"
        if self.before is None:
            return text + "; no check-ins in the period before to compare with."
        return f"{text}, {change_words(self.average, self.before)} in the period before."


def scale_chart(
    means: DailyMeans,
    scale: Scale,
    index: int,
    start: date,
    end: date,
    width: int = 640,
    height: int = 170,
) -> Chart:
    """One check-in scale as a small chart: one calm line instead of five tangled ones."""
    label = short_label(scale.name)
    days = days_from(start, end)
    # No direct label, as above: each small chart has its own heading.
    series = Series(
        "",
        [(day, means.get(day, {}).get(scale.name)) for day in days],
        f"series-{index + 1}",
        # A week has few points; dots keep a lone day visible and countable.
        dots=len(days) <= 7,
    )
    description = (
        f"Your daily {label.lower()}, from 0 to 10 ({lighter_words(scale)}), "
        f"from {long_day(start, with_year=False)} to {long_day(end)}. "
        "Days without a check-in leave a gap. The numbers are in the table below."
    )
    chart = line_chart(
        f"{label}, {start.day} {start:%b} to {end.day} {end:%b}",
        description,
        [series],
        start,
        end,
        0,
        10,
        y_ticks=(0, 5, 10),
        width=width,
        height=height,
    )
    return replace(chart, columns=["Date", label])


def checkin_trends(
    means: DailyMeans,
    today: date,
    days: int,
    compact: bool = True,
    width: int = PAGE_WIDTH,
    height: int = PAGE_HEIGHT,
) -> list[ScaleTrend]:
    """Each scale over the last ``days`` days, with its average against the days before.

    ``means`` must cover the ``2 * days`` days up to ``today`` (daily_means).
    Each chart is drawn once, ``width`` × ``height``; on a page it scales to
    the screen. ``compact`` is kept so older calls still work: a narrow copy
    for phones is no longer drawn, as the one chart serves every width.
    """
    del compact
    start = period_start(today, days)
    recorded = days_recorded(means, today, days)
    trends = []
    for index, scale in enumerate(SCALES):
        average, before = now_and_before(means, scale.name, today, days)
        trends.append(
            ScaleTrend(
                scale=scale,
                label=short_label(scale.name),
                chart=scale_chart(means, scale, index, start, today, width, height),
                compact=None,
                average=average,
                before=before,
                # Only the days that rated this scale: a scale not rated counts nowhere.
                days_recorded=sum(means[day].get(scale.name) is not None for day in recorded),
            )
        )
    return trends


def trend_table(means: DailyMeans, today: date, days: int) -> tuple[list[str], list[list[str]]]:
    """The numbers behind the small charts as one table: a row per day with check-ins.

    One table of five columns reads more easily than five tables of one,
    and it is a fifth of the work to draw.
    """
    shown = days_recorded(means, today, days)
    with_year = len({day.year for day in shown}) > 1
    columns = ["Date", *(short_label(scale.name) for scale in SCALES)]
    rows = [
        [format_day(day, with_year), *(figure(means[day].get(s.name)) for s in SCALES)]
        for day in shown
    ]
    return columns, rows
