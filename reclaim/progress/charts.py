"""Server-rendered, accessible SVG line charts.

One builder serves every picture of progress: the check-in scales over days,
questionnaire scores over months with their bands, and the same pictures in
the PDF summary. So the markup has to stand on its own:

- no JavaScript and no ``style`` attributes (the CSP forbids inline styles);
- every shape carries a class the page CSS styles (``.chart .series-1`` …,
  which follows dark mode and discreet mode) *and* presentation attributes
  (``stroke="…"``) as a fallback, so the picture still looks right where the
  page CSS is absent, as in WeasyPrint or a saved file;
- ``role="img"`` with ``<title>`` and ``<desc>`` named by ``aria-labelledby``,
  and the numbers returned as rows and columns for a table beside it.

Every piece of text is escaped here, so ``Chart.svg`` is safe to put on a page.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reclaim.core.numbers import figure, format_day

# The light palette of reclaim.css (--chart-1 … --chart-5 and friends). The
# page CSS overrides these; they are what a renderer without it shows.
PALETTE = ("#3f6b5a", "#b0603a", "#5468a8", "#8a6d1d", "#8b4d7e")
TEXT = "#5e5a54"
STRONG_TEXT = "#2b2a28"
RULE = "#d9d1c5"
SURFACE = "#fffdf9"
BAND_FILL = TEXT
# Neighbouring bands alternate between two strengths of the same calm tint.
BAND_OPACITY = ("0.16", "0.07")
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"

FONT_SIZE = 12
# The vertical room one direct label needs, so neighbours never overlap.
LABEL_GAP = FONT_SIZE + 3
# A generous guess at a character's width, used to size the label margin.
CHAR_WIDTH = FONT_SIZE * 0.62


@dataclass(frozen=True)
class Series:
    """One line. ``None`` as a value means "nothing that day" and breaks the line."""

    label: str
    points: list[tuple[date, float | None]]
    css_class: str = ""
    # Dots on every point suit sparse data (a questionnaire every few weeks);
    # daily lines read better without them. Lone points always get a dot.
    dots: bool = False


@dataclass(frozen=True)
class Band:
    """A horizontal shaded range, such as a questionnaire's "mild" scores.

    Bands are drawn exactly from low to high: for whole-number scores, meet
    them half-way (4.5 to 9.5) if neighbouring bands should touch.
    """

    low: float
    high: float
    label: str
    css_class: str = ""


@dataclass(frozen=True)
class Marker:
    """A labelled point, such as "reliable change"."""

    x: date
    y: float
    label: str


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


def nice_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round tick values from low to high, at most ``most`` of them."""
    span = high - low
    if span <= 0:
        return [low]
    magnitude = 10 ** math.floor(math.log10(span / max(1, most - 1)))

    def count(step: float) -> int:
        return math.floor(high / step + 1e-9) - math.ceil(low / step - 1e-9) + 1

    step = next(m * magnitude for m in (0.5, 1, 2, 2.5, 5, 10, 20) if count(m * magnitude) <= most)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def spread_labels(wanted: Sequence[float], gap: float, top: float, bottom: float) -> list[float]:
    """Move label positions apart by at least ``gap``, staying within top..bottom.

    Each label starts where its line ends; crowded ones are nudged down, then
    the stack is pushed back up if it ran off the bottom. The order of the
    labels is kept, so each stays nearest its own line.
    """
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [min(max(wanted[i], top), bottom) for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    if placed and placed[-1] > bottom:
        placed[-1] = bottom
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
    result = [0.0] * len(wanted)
    for k, i in enumerate(order):
        result[i] = placed[k]
    return result


def _date_label(day: date, span_days: int) -> str:
    return f"{day:%b %Y}" if span_days > 400 else f"{day.day} {day:%b}"


def _series_style(index: int, series: Series) -> tuple[str, str]:
    """The class list and the fallback colour of the index-th series."""
    css = series.css_class or f"series-{index % len(PALETTE) + 1}"
    colour = PALETTE[index % len(PALETTE)]
    for name in css.split():
        if name.startswith("series-") and name[7:].isdigit():
            colour = PALETTE[(int(name[7:]) - 1) % len(PALETTE)]
    return css, colour


def _segments(points: Iterable[tuple[date, float | None]]) -> list[list[tuple[date, float]]]:
    """Runs of consecutive known values; a None ends a run."""
    runs: list[list[tuple[date, float]]] = [[]]
    for day, value in sorted(points, key=lambda p: p[0]):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((day, float(value)))
    return [run for run in runs if run]


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
    span_days = max(1, (end - start).days)
    chart_id = f"chart-{uuid.uuid4().hex[:10]}"

    # Room for the y tick labels on the left and the direct labels on the right.
    tick_width = max((len(figure(t)) for t in ticks), default=1) * CHAR_WIDTH
    label_width = max((len(s.label) for s in series), default=0) * CHAR_WIDTH
    left = round(tick_width + 10)
    right = width - round(label_width + 12 if series else 12)
    top = FONT_SIZE + 8
    bottom = height - FONT_SIZE - 14
    plot_w = max(1, right - left)
    plot_h = max(1, bottom - top)

    def x_of(day: date) -> float:
        return left + (day - start).days / span_days * plot_w

    def y_of(value: float) -> float:
        value = min(max(value, y_min), y_max)
        return bottom - (value - y_min) / (y_max - y_min) * plot_h

    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="{escape(FONT_FAMILY)}" font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]

    # Bands sit underneath everything, with their names tucked in at the left.
    for index, band in enumerate(bands):
        low, high = sorted((band.low, band.high))
        y_top, y_bottom = y_of(high), y_of(low)
        out.append(
            f'<rect class="band{" band-alt" if index % 2 else ""} {escape(band.css_class)}" '
            f'x="{left}" y="{y_top:.1f}" width="{plot_w}" '
            f'height="{max(0.0, y_bottom - y_top):.1f}" fill="{BAND_FILL}" '
            f'opacity="{BAND_OPACITY[index % 2]}" stroke="none"/>'
        )
        if y_bottom - y_top >= FONT_SIZE + 2:
            out.append(
                f'<text class="band-label" x="{left + 4}" y="{y_top + FONT_SIZE:.1f}" '
                f'fill="{TEXT}">{escape(band.label)}</text>'
            )

    # Grid lines and y tick labels.
    for tick in ticks:
        if not y_min <= tick <= y_max:
            continue
        y = y_of(tick)
        out.append(
            f'<line class="grid" x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{RULE}" stroke-width="1"/>'
        )
        out.append(
            f'<text class="tick" x="{left - 6}" y="{y + FONT_SIZE / 3:.1f}" '
            f'text-anchor="end" fill="{TEXT}">{escape(figure(tick))}</text>'
        )

    # The x axis, with a few dates: always the first and the last.
    out.append(
        f'<line class="axis" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" '
        f'stroke="{RULE}" stroke-width="1"/>'
    )
    label_room = 11 * CHAR_WIDTH
    count = int(max(2, min(5, plot_w // label_room + 1)))
    count = min(count, span_days + 1)
    x_days = sorted({start.toordinal() + round(i * span_days / (count - 1)) for i in range(count)})
    for ordinal in x_days:
        day = date.fromordinal(ordinal)
        anchor = "start" if day == start else "end" if day == end else "middle"
        out.append(
            f'<text class="tick" x="{x_of(day):.1f}" y="{height - 6}" '
            f'text-anchor="{anchor}" fill="{TEXT}">{escape(_date_label(day, span_days))}</text>'
        )

    # The lines, broken wherever a value is missing.
    label_wanted: list[float] = []
    labelled: list[tuple[str, str, str]] = []
    for index, one in enumerate(series):
        css, colour = _series_style(index, one)
        runs = _segments(one.points)
        out.append(f'<g class="series {escape(css)}" data-series="{index + 1}">')
        # One path per series; each run of known values is its own "M…L…"
        # piece, so a missing day leaves a visible gap.
        path = "".join(
            f"{'M' if k == 0 else 'L'}{x_of(d):.1f} {y_of(v):.1f}"
            for run in runs
            if len(run) > 1
            for k, (d, v) in enumerate(run)
        )
        if path:
            out.append(
                f'<path class="line {escape(css)}" d="{path}" fill="none" '
                f'stroke="{colour}" stroke-width="2.5" stroke-linejoin="round" '
                f'stroke-linecap="round"/>'
            )
        for run in runs:
            if len(run) == 1 or one.dots:
                for d, v in run:
                    out.append(
                        f'<circle class="dot {escape(css)}" cx="{x_of(d):.1f}" '
                        f'cy="{y_of(v):.1f}" r="3.5" fill="{colour}" stroke="none"/>'
                    )
        out.append("</g>")
        if runs:
            label_wanted.append(y_of(runs[-1][-1][1]))
            labelled.append((one.label, css, colour))

    # Direct labels at the right, nudged apart so none sit on another.
    placed = spread_labels(label_wanted, LABEL_GAP, top, bottom)
    for (label, css, colour), y in zip(labelled, placed, strict=True):
        out.append(
            f'<text class="series-label {escape(css)}" x="{right + 6}" '
            f'y="{y + FONT_SIZE / 3:.1f}" fill="{colour}" stroke="none" '
            f'font-weight="600">{escape(label)}</text>'
        )

    # Markers: a ringed dot with its words above, kept inside the plot.
    for marker in markers:
        x, y = x_of(marker.x), y_of(marker.y)
        text_x = min(max(x, left + 40), right - 40)
        text_y = y - 9 if y - 9 - FONT_SIZE >= 0 else y + 9 + FONT_SIZE
        out.append(
            f'<g class="marker"><circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{SURFACE}" '
            f'stroke="{STRONG_TEXT}" stroke-width="2"/>'
            f'<text x="{text_x:.1f}" y="{text_y:.1f}" text-anchor="middle" '
            f'fill="{STRONG_TEXT}">{escape(marker.label)}</text></g>'
        )

    out.append("</svg>")

    columns, rows = _table(series, markers)
    notes = [
        f"Shaded: {b.label}, {figure(min(b.low, b.high))} to {figure(max(b.low, b.high))}."
        for b in bands
    ]
    return Chart(
        title=title,
        description=description,
        svg=mark_safe("".join(out)),  # noqa: S308 - every piece of text above is escaped
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
