"""What the Progress page shows: questionnaires over time and check-in trends.

Kept apart from the view so the sums and the words can be tested on their
own, and so the therapy-ready summary draws exactly the same pictures.

Every function here asks the database a fixed number of times, however much
the member has recorded: the questionnaires in one query, the check-ins in
one, the journal days in one (see helped.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from typing import TYPE_CHECKING

from reclaim.assessments.instruments import BandBasis, Instrument, ScoreKind, all_instruments
from reclaim.assessments.queries import SeriesPoint, points_by_code, results_for
from reclaim.assessments.scoring import (
    IMPROVED,
    NO_RELIABLE_CHANGE,
    WORSENED,
    Change,
    Score,
    change,
    configured_cutpoint,
)
from reclaim.assessments.views import score_words
from reclaim.checkins.models import SCALES, Scale, local_day
from reclaim.checkins.queries import daily_means

from .charts import Band, Chart, Marker, Series, format_day, format_value, line_chart
from .helped import WINDOW_DAYS as HELPED_WINDOW
from .helped import WhatHelped, mean_or_none, one_decimal, what_helped_for
from .labels import short_label

if TYPE_CHECKING:
    from reclaim.accounts.models import User

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30

# Short enough to sit above a dot on a phone-sized chart without covering
# its neighbours; the line above the chart says what a ringed dot means.
MARKER_WORDS = {IMPROVED: "Better", WORSENED: "Harder"}
MARKER_NOTE = (
    "A ringed dot marks a real change since the result before: bigger than everyday ups and downs."
)

# The change labels in a table, in the words of the result page.
CHANGE_WORDS = {
    IMPROVED: "A real improvement",
    WORSENED: "Harder than last time",
    NO_RELIABLE_CHANGE: "About the same",
}

# A chart of a single result still needs a little time either side to be a picture.
MIN_SPAN_DAYS = 14


def period_from(value: str | None) -> int:
    """The ?days= choice, or the default for anything else (a typo is not an error)."""
    try:
        days = int(value or "")
    except ValueError:
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


# --- questionnaires ---------------------------------------------------------


# Words for one result's row in a table, or "" for none (the summary's notes
# for the clinician). Never used on the member's own pages.
RowNote = Callable[[Instrument, Score], str]


def series_by_code(user: User, with_answers: bool = False) -> dict[str, list[SeriesPoint]]:
    """Every instrument's results as SeriesPoints, oldest first, in one query.

    The same points as ``assessments.queries.series`` gives one instrument at
    a time; reading them all at once keeps this page at one query however
    many questionnaires the member has taken. ``with_answers`` adds the raw
    answers of flagged results (see queries.points_by_code).
    """
    return points_by_code(results_for(user), with_answers=with_answers)


def _to_score_units(instrument: Instrument, value: float) -> float:
    """A value on the band basis, as a number on the chart's (headline) scale."""
    if instrument.band_basis is BandBasis.SCORE or instrument.score_kind is ScoreKind.SUM:
        return value
    if instrument.score_kind is ScoreKind.MEAN:
        return value / instrument.item_count
    return value * 100 / instrument.raw_range[1]


def chart_bands(instrument: Instrument, cutpoint: int | None = None) -> list[Band]:
    """The instrument's bands as shaded ranges on the headline scale.

    Neighbouring bands meet half-way between their whole-number edges (a
    PHQ-9 "4" and "5" meet at 4.5), so the shading has no gaps; the outer
    edges are the ends of the score range.
    """
    bands = sorted(instrument.bands_for(cutpoint), key=lambda band: band.low)
    low_end, high_end = instrument.score_range
    shaded = []
    for index, band in enumerate(bands):
        low = (
            low_end
            if index == 0
            else _to_score_units(instrument, (bands[index - 1].high + band.low) / 2)
        )
        high = (
            high_end
            if index == len(bands) - 1
            else _to_score_units(instrument, (band.high + bands[index + 1].low) / 2)
        )
        shaded.append(Band(round(low, 3), round(high, 3), band.label))
    return shaded


def band_ranges(instrument: Instrument, cutpoint: int | None = None) -> list[str]:
    """Each band as "0 to 4: Few signs of low mood", on the headline scale.

    For the summary, where a reader wants the published ranges rather than
    the half-way edges of the shading.
    """
    ranges = []
    for band in sorted(instrument.bands_for(cutpoint), key=lambda band: band.low):
        low = _to_score_units(instrument, band.low)
        high = _to_score_units(instrument, band.high)
        ranges.append(
            f"{_score_text(instrument, low)} to {_score_text(instrument, high)}: {band.label}"
        )
    return ranges


def _cutpoint_of(instrument: Instrument, points: Sequence[SeriesPoint]) -> int | None:
    """The cut-point to shade with: the latest result's own, else the setting's."""
    if instrument.cutpoint_setting is None:
        return None
    for point in reversed(points):
        if point.score.cutpoint is not None:
            return point.score.cutpoint
    return configured_cutpoint(instrument)


def band_label(instrument: Instrument, score: Score) -> str:
    try:
        return instrument.band(score.band).label
    except ValueError:
        # A band renamed in a later version: the number still stands.
        return ""


def _score_text(instrument: Instrument, value: float) -> str:
    if instrument.score_kind is ScoreKind.MEAN:
        return f"{value:.2f}"
    return format_value(value)


def direction_words(instrument: Instrument) -> str:
    return (
        "Higher scores are lighter here."
        if instrument.higher_is_better
        else ("Lower scores are lighter here.")
    )


def change_since_first(
    instrument: Instrument,
    points: Sequence[SeriesPoint],
    in_period: bool = False,
    zone: tzinfo | None = None,
) -> str:
    """A plain sentence comparing the latest result with the first one.

    ``in_period`` words it for a summary of a period ("the first in this
    period"), where the member's very first result may lie further back.
    ``zone`` is the member's time zone, for the month of the first result.
    """
    if len(points) < 2:
        if in_period:
            return "The only one in this period."
        return "This is your first one here; the next will show any change."
    first, latest = points[0], points[-1]
    month = f"{first.taken.astimezone(zone):%B %Y}" if zone else f"{first.taken:%B %Y}"
    opening = "Since the first in this period" if in_period else "Since your first"
    since = f"{opening}, in {month} ({score_words(instrument, first.score.score)})"
    label: Change | None = change(instrument.code, first.score, latest.score)
    if label == IMPROVED:
        return f"{since}, that is a real improvement: bigger than everyday ups and downs."
    if label == WORSENED:
        return f"{since}, this is harder. That can happen while healing; be gentle with yourself."
    if label == NO_RELIABLE_CHANGE:
        return f"{since}, about the same: within everyday ups and downs."
    # No published threshold for a reliable change: say the numbers, not a verdict.
    first_words = "The first in this period" if in_period else "Your first"
    return (
        f"{first_words}, in {month}, was "
        f"{score_words(instrument, first.score.score)}. {direction_words(instrument)}"
    )


@dataclass(frozen=True)
class InstrumentPicture:
    instrument: Instrument
    points: list[SeriesPoint]
    chart: Chart
    # Drawn narrow for phones; None where only one size is needed (the PDF).
    compact: Chart | None
    latest: str
    since_first: str
    # The published band ranges in words, for the summary.
    ranges: list[str]

    @property
    def count(self) -> int:
        return len(self.points)

    @property
    def marked(self) -> bool:
        """Whether the chart has a ringed dot to explain."""
        return any(point.change in MARKER_WORDS for point in self.points)


def instrument_chart(
    user: User,
    instrument: Instrument,
    points: Sequence[SeriesPoint],
    start: date,
    end: date,
    width: int = 640,
    height: int = 240,
    marker_words: bool = True,
    row_notes: RowNote | None = None,
) -> Chart:
    """One instrument over time: dots and a line, its bands shaded, reliable changes marked.

    The table under the chart lists every result (two on one day each keep
    their row) with its band and change, in plain words. ``row_notes`` adds
    a "Note" column, only when at least one result has a note.
    """
    name = instrument.plain_name
    shown = [p for p in points if start <= local_day(user, p.taken) <= end]
    # No direct label: the heading above the chart names its one line, and
    # on a phone the label's room is better spent on the picture.
    series = Series(
        "",
        [(local_day(user, p.taken), float(p.score.score)) for p in shown],
        "series-1",
        dots=True,
    )
    # On the narrow chart the words would sit on the band names and on each
    # other, so there a ringed dot marks the change alone; the line above
    # the chart says what it means and the table names each change.
    markers = [
        Marker(
            local_day(user, p.taken),
            float(p.score.score),
            MARKER_WORDS[p.change] if marker_words else "",
        )
        for p in shown
        if p.change in MARKER_WORDS
    ]
    low, high = instrument.score_range
    description = (
        f"Your {name.lower()} results from {start.day} {start:%B %Y} to {end.day} {end:%B %Y}, "
        f"on a scale of {low:g} to {high:g}. {direction_words(instrument)} "
        "Shaded areas show what the scores usually mean; a ringed dot marks a change "
        "bigger than everyday ups and downs. The numbers are in the table below."
    )
    chart = line_chart(
        f"{name}: your results",
        description,
        [series],
        start,
        end,
        low,
        high,
        bands=chart_bands(instrument, _cutpoint_of(instrument, points)),
        markers=markers,
        width=width,
        height=height,
    )
    with_year = len({local_day(user, p.taken).year for p in shown}) > 1
    rows = [
        [
            format_day(local_day(user, p.taken), with_year),
            _score_text(instrument, p.score.score),
            band_label(instrument, p.score),
            CHANGE_WORDS.get(p.change, "") if p.change else "",
        ]
        for p in shown
    ]
    columns = ["Date", f"Score ({low:g} to {high:g})", "What it suggests"]
    if instrument.change_threshold is not None:
        columns.append("Change since the one before")
    else:
        rows = [row[:3] for row in rows]
    notes = [row_notes(instrument, p.score) for p in shown] if row_notes else []
    if any(notes):
        columns.append("Note")
        rows = [[*row, note] for row, note in zip(rows, notes, strict=True)]
    return replace(chart, columns=columns, rows=rows)


def instrument_pictures(
    user: User,
    today: date,
    since: date | None = None,
    compact: bool = True,
    row_notes: RowNote | None = None,
) -> list[InstrumentPicture]:
    """Each instrument the member has results for, in the usual order.

    ``since`` limits the chart to results from that day on (the summary's
    period); the change labels still compare with the result just before,
    even when that one is older. ``row_notes`` adds a note to each result's
    row in the main chart's table (see instrument_chart).
    """
    grouped = series_by_code(user, with_answers=row_notes is not None)
    pictures = []
    for instrument in all_instruments():
        points = grouped.get(instrument.code)
        if not points:
            continue
        if since is not None:
            points = [p for p in points if local_day(user, p.taken) >= since]
            if not points:
                continue
        first_day = local_day(user, points[0].taken)
        start = min(first_day, today - timedelta(days=MIN_SPAN_DAYS))
        if since is not None:
            start = since
        latest = points[-1]
        label = band_label(instrument, latest.score)
        latest_text = (
            f"Latest, on {format_day(local_day(user, latest.taken))}: "
            f"{score_words(instrument, latest.score.score)}"
            + (f" ({label.lower()})." if label else ".")
        )
        pictures.append(
            InstrumentPicture(
                instrument=instrument,
                points=points,
                chart=instrument_chart(user, instrument, points, start, today, row_notes=row_notes),
                compact=(
                    instrument_chart(
                        user,
                        instrument,
                        points,
                        start,
                        today,
                        width=340,
                        height=230,
                        marker_words=False,
                    )
                    if compact
                    else None
                ),
                latest=latest_text,
                since_first=change_since_first(
                    instrument, points, in_period=since is not None, zone=user.zone
                ),
                ranges=band_ranges(instrument, _cutpoint_of(instrument, points)),
            )
        )
    return pictures


# --- check-in trends --------------------------------------------------------


def lighter_words(scale: Scale) -> str:
    return "higher is lighter" if scale.higher_is_better else "lower is lighter"


@dataclass(frozen=True)
class ScaleTrend:
    scale: Scale
    label: str
    chart: Chart
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

        Comparing the rounded numbers means the words never say "up from 4.2"
        beside a 4.2.
        """
        if self.average is None:
            return "No check-ins in this period."
        text = f"Average {self.average_text} out of 10"
        if self.before is None:
            return text + "; no check-ins in the period before to compare with."
        now, then = Decimal(self.average_text), Decimal(self.before_text)
        if now > then:
            change = "up from"
        elif now < then:
            change = "down from"
        else:
            change = "the same as"
        return f"{text}, {change} {self.before_text} in the period before."


def scale_chart(
    means: dict[date, dict[str, float]],
    scale: Scale,
    index: int,
    start: date,
    end: date,
    width: int = 640,
    height: int = 170,
) -> Chart:
    """One check-in scale as a small chart: one calm line instead of five tangled ones."""
    label = short_label(scale.name)
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    # No direct label, as above: each small chart has its own heading.
    series = Series(
        "",
        [(day, means[day][scale.name] if day in means else None) for day in days],
        f"series-{index + 1}",
        # A week has few points; dots keep a lone day visible and countable.
        dots=len(days) <= 7,
    )
    description = (
        f"Your daily {label.lower()}, from 0 to 10 ({lighter_words(scale)}), "
        f"from {start.day} {start:%B} to {end.day} {end:%B %Y}. "
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
    means: dict[date, dict[str, float]],
    today: date,
    days: int,
    compact: bool = True,
    width: int = 640,
    height: int = 170,
) -> list[ScaleTrend]:
    """Each scale over the last ``days`` days, with its average against the days before.

    ``means`` must cover the ``2 * days`` days up to ``today`` (daily_means).
    ``width`` and ``height`` size the main chart; ``compact`` adds a narrow
    one for phones.
    """
    start = today - timedelta(days=days - 1)
    before_start = start - timedelta(days=days)
    recent = {d: v for d, v in means.items() if start <= d <= today}
    earlier = {d: v for d, v in means.items() if before_start <= d < start}
    trends = []
    for index, scale in enumerate(SCALES):
        trends.append(
            ScaleTrend(
                scale=scale,
                label=short_label(scale.name),
                chart=scale_chart(means, scale, index, start, today, width, height),
                compact=(
                    scale_chart(means, scale, index, start, today, width=340, height=160)
                    if compact
                    else None
                ),
                average=mean_or_none([v[scale.name] for v in recent.values()]),
                before=mean_or_none([v[scale.name] for v in earlier.values()]),
                # Only the days that rated this scale: a scale not rated counts nowhere.
                days_recorded=sum(v[scale.name] is not None for v in recent.values()),
            )
        )
    return trends


def trend_table(
    means: dict[date, dict[str, float]], today: date, days: int
) -> tuple[list[str], list[list[str]]]:
    """The numbers behind the small charts as one table: a row per day with check-ins.

    One table of five columns reads more easily than five tables of one,
    and it is a fifth of the work to draw.
    """
    start = today - timedelta(days=days - 1)
    shown = sorted(day for day in means if start <= day <= today)
    with_year = len({day.year for day in shown}) > 1
    columns = ["Date", *(short_label(scale.name) for scale in SCALES)]
    rows = [
        [format_day(day, with_year), *(format_value(means[day][s.name]) for s in SCALES)]
        for day in shown
    ]
    return columns, rows


# --- the whole page -----------------------------------------------------------


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


def progress_picture(user: User, now: datetime, days: int = DEFAULT_PERIOD) -> ProgressPicture:
    """Everything the Progress page shows, in three queries whatever the history.

    One read of the check-ins covers the trend, the period before it for the
    comparison, and the window of "what helped".
    """
    today = local_day(user, now)
    reach = max(2 * days, HELPED_WINDOW)
    means = daily_means(user, today - timedelta(days=reach - 1), today)
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
