"""Server-rendered, accessible SVG line charts.

One builder serves every picture of progress: the check-in scales over days,
questionnaire scores over months with their bands, and the same pictures in
the PDF summary. So the markup has to stand on its own:

- no JavaScript and no ``style`` attributes (the CSP forbids inline styles);
- shapes carry classes the page CSS styles (``.chart .series-1`` …, which
  follows dark mode and discreet mode), and presentation attributes
  (``stroke="…"``) as a fallback, so the picture still looks right where the
  page CSS is absent, as in WeasyPrint or a saved file. The fallback is
  written once on a group and inherited by what it holds, not repeated on
  each shape, which keeps a year of charts light on a phone;
- one drawing scales with its viewBox to any screen; paths and coordinates
  are built in Python to a tenth of a unit, and the markup is joined in
  Python too (svg.py), not walked through template loops;
- ``role="img"`` with ``<title>`` and ``<desc>`` named by ``aria-labelledby``,
  and the numbers returned as rows and columns for a table beside it.

Where things go is worked out in geometry.py; svg.py writes the markup
and escapes every piece of text, so it is safe to put on a page.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.safestring import SafeString

from reclaim.core.numbers import figure, format_day

from .geometry import FONT_SIZE, layout, nice_ticks

# A chart is made of these; re-exported so a caller needs only this module.
from .geometry import Band as Band
from .geometry import Marker as Marker
from .geometry import Series as Series
from .svg import chart_svg

# The light palette of reclaim.css (--chart-1 … --chart-5 and friends). The
# page CSS overrides these; they are what a renderer without it shows.
PALETTE = ("#3f6b5a", "#b0603a", "#5468a8", "#8a6d1d", "#8b4d7e")


@dataclass(frozen=True)
class Style:
    """The fallback colours and type of every chart, for the SVG template."""

    text: str = "#5e5a54"
    strong_text: str = "#2b2a28"
    rule: str = "#d9d1c5"
    surface: str = "#fffdf9"
    band_fill: str = "#5e5a54"
    # Neighbouring bands alternate between two strengths of the same calm tint.
    band_opacity: tuple[str, str] = ("0.16", "0.07")
    font_family: str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
    font_size: int = FONT_SIZE


STYLE = Style()

# A chart drawn at most this wide is drawn for a phone and scales to the
# screen: on a wider one it grows only a little (.chart-narrow in
# reclaim.css), so its words stay near their size.
NARROW_MOST = 400


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    svg: SafeString
    # The same numbers as a table: ``columns`` are the header cells, each row
    # starts with the date (a row header) followed by one cell per column.
    columns: list[str]
    rows: list[list[str]]
    # Plain sentences about the bands, shown with the table.
    notes: list[str] = field(default_factory=list)
    chart_id: str = ""


def series_style(index: int, series: Series) -> tuple[str, str]:
    """The class list and the fallback colour of the index-th series."""
    css = series.css_class or f"series-{index % len(PALETTE) + 1}"
    colour = PALETTE[index % len(PALETTE)]
    for name in css.split():
        if name.startswith("series-") and name[7:].isdigit():
            colour = PALETTE[(int(name[7:]) - 1) % len(PALETTE)]
    return css, colour


def line_chart(
    title: str,
    description: str,
    series: Sequence[Series],
    start: date,
    end: date,
    y_min: float,
    y_max: float,
    y_ticks: Sequence[float] | None = None,
    bands: Sequence[Band] = (),
    markers: Sequence[Marker] = (),
    width: int = 640,
    height: int = 260,
) -> Chart:
    """Draw ``series`` between ``start`` and ``end`` on a fixed y scale.

    Points outside the date range are left out; values outside y_min..y_max
    are drawn at the edge (the table still shows the true number).
    """
    if end < start:
        start, end = end, start
    if y_max <= y_min:
        raise ValueError("y_max must be greater than y_min")
    series = [
        Series(s.label, [p for p in s.points if start <= p[0] <= end], s.css_class, s.dots)
        for s in series
    ]
    markers = [m for m in markers if start <= m.x <= end]
    ticks = list(y_ticks) if y_ticks is not None else nice_ticks(y_min, y_max)
    chart_id = f"chart-{uuid.uuid4().hex[:10]}"
    placed = layout(series, start, end, y_min, y_max, ticks, bands, markers, width, height)
    svg = chart_svg(
        chart_id=chart_id,
        title=title,
        description=description,
        layout=placed,
        lines=[(line, *series_style(line.index, line.series)) for line in placed.lines],
        style=STYLE,
        narrow=width <= NARROW_MOST,
    )
    columns, rows = _table(series, markers)
    notes = [
        f"Shaded: {b.label}, {figure(min(b.low, b.high))} to {figure(max(b.low, b.high))}."
        for b in bands
    ]
    return Chart(
        title=title,
        description=description,
        svg=SafeString(svg),
        columns=columns,
        rows=rows,
        notes=notes,
        chart_id=chart_id,
    )


def _table(
    series: Sequence[Series], markers: Sequence[Marker]
) -> tuple[list[str], list[list[str]]]:
    """One row per day that has a value in any series (or a marker), oldest first.

    Days with nothing at all are left out: the table lists what was recorded,
    it does not count the days that were not.
    """
    values: dict[date, list[float | None]] = {}
    for index, one in enumerate(series):
        for day, value in one.points:
            if value is None:
                continue
            values.setdefault(day, [None] * len(series))[index] = value
    notes: dict[date, list[str]] = {}
    for marker in markers:
        notes.setdefault(marker.x, []).append(marker.label)
        values.setdefault(marker.x, [None] * len(series))
    columns = ["Date", *(s.label for s in series)]
    if markers:
        columns.append("Note")
    # The year is left out when every row shares it, so a date fits on one
    # line of a phone.
    with_year = len({day.year for day in values}) > 1
    rows = []
    for day in sorted(values):
        row = [format_day(day, with_year), *(figure(v) for v in values[day])]
        if markers:
            row.append("; ".join(notes.get(day, [])))
        rows.append(row)
    return columns, rows
