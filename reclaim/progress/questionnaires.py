"""The questionnaires on the Progress page and in the summary: a chart, a table and words for each.

The sums (where the bands fall, where a chart starts) are in figures.py;
this module turns them into the pictures and sentences a member reads.
All of a member's results are read in one query, however many there are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from reclaim.assessments.queries import (
    CHANGE_LABELS,
    IMPROVED,
    NO_RELIABLE_CHANGE,
    WORSENED,
    Change,
    Instrument,
    Score,
    ScoreKind,
    SeriesPoint,
    all_instruments,
    change,
    points_by_code,
    results_for,
    score_words,
)
from reclaim.checkins.queries import local_day
from reclaim.core.numbers import figure, format_day, long_day, two_decimals

from .charts import Chart, Marker, Series, line_chart
from .figures import chart_bands, chart_start, cutpoint_of, to_score_units

if TYPE_CHECKING:
    from reclaim.accounts.models import User

# Short enough to sit above a dot on a phone-sized chart without covering
# its neighbours; the line above the chart says what a ringed dot means.
MARKER_WORDS = {IMPROVED: "Better", WORSENED: "Harder"}
MARKER_NOTE = (
    "A ringed dot marks a real change since the result before: bigger than everyday ups and downs."
)

# A questionnaire chart on a page: drawn once, about as wide as a phone shows
# it, and scaled by the browser to the screen (see .chart-narrow in
# reclaim.css). In the PDF it is drawn wide, on A4.
PAGE_SIZE = (360, 240)
WIDE_SIZE = (640, 240)

# The change labels in a table: the result page's words, capitalised.
CHANGE_WORDS = {label: words[:1].upper() + words[1:] for label, words in CHANGE_LABELS.items()}


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


def band_ranges(instrument: Instrument, cutpoint: int | None = None) -> list[str]:
    """Each band as "0 to 4: Few signs of low mood", on the headline scale.

    For the summary, where a reader wants the published ranges rather than
    the half-way edges of the shading.
    """
    ranges = []
    for band in sorted(instrument.bands_for(cutpoint), key=lambda band: band.low):
        low = to_score_units(instrument, band.low)
        high = to_score_units(instrument, band.high)
        ranges.append(
            f"{_score_text(instrument, low)} to {_score_text(instrument, high)}: {band.label}"
        )
    return ranges


def band_label(instrument: Instrument, score: Score) -> str:
    try:
        return instrument.band(score.band).label
    except ValueError:
        # A band renamed in a later version: the number still stands.
        return ""


def _score_text(instrument: Instrument, value: float) -> str:
    if instrument.score_kind is ScoreKind.MEAN:
        return two_decimals(value)
    return figure(value)


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
        return f"{since}, that is {CHANGE_LABELS[IMPROVED]}: bigger than everyday ups and downs."
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
    # Always None now: one chart serves every width. Kept for older templates.
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
    width: int = WIDE_SIZE[0],
    height: int = WIDE_SIZE[1],
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
    # ``marker_words`` False leaves every ringed dot without words; with
    # them, the layout still leaves out words that would sit on a band's
    # name, a point or each other (geometry.layout). Either way the line
    # above the chart says what a ring means and the table names each change.
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
        f"Your {name.lower()} results from {long_day(start)} to {long_day(end)}, "
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
        bands=chart_bands(instrument, cutpoint_of(instrument, points)),
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

    ``compact`` draws each chart once at the page's size, to scale with the
    screen (a narrow copy for phones is no longer drawn); without it, each
    is drawn wide, for the PDF. ``since`` limits the chart to results from
    that day on (the summary's period); the change labels still compare with the result just before,
    even when that one is older. ``row_notes`` adds a note to each result's
    row in the main chart's table (see instrument_chart).
    """
    grouped = series_by_code(user, with_answers=row_notes is not None)
    # On a page one chart serves every width; the PDF keeps its wide drawing.
    width, height = PAGE_SIZE if compact else WIDE_SIZE
    pictures = []
    for instrument in all_instruments():
        points = grouped.get(instrument.code)
        if not points:
            continue
        if since is not None:
            points = [p for p in points if local_day(user, p.taken) >= since]
            if not points:
                continue
        start = since or chart_start(local_day(user, points[0].taken), today)
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
                chart=instrument_chart(
                    user, instrument, points, start, today, width, height, row_notes=row_notes
                ),
                compact=None,
                latest=latest_text,
                since_first=change_since_first(
                    instrument, points, in_period=since is not None, zone=user.zone
                ),
                ranges=band_ranges(instrument, cutpoint_of(instrument, points)),
            )
        )
    return pictures
