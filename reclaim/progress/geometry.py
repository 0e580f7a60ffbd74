"""Where everything in a line chart goes: plain numbers, no markup and no Django.

``layout`` turns lines, bands and markers into coordinates, paths and tick
positions on a ``width`` × ``height`` canvas; svg.py writes them out (see charts.py). Kept apart so the
sums can be tested without parsing SVG, and so the picture is the same
wherever it is drawn: on a page, on a phone and in the PDF.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reclaim.core.numbers import figure

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


# --- what layout returns ------------------------------------------------------


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Label:
    """A piece of text: where its baseline starts (or centres, or ends) and what it says."""

    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass(frozen=True)
class BandArea:
    band: Band
    y: float
    height: float
    # Even-numbered bands are drawn a little stronger than their neighbours.
    alternate: bool
    # None when the band is too thin for its name.
    name: Label | None


@dataclass(frozen=True)
class GridLine:
    y: float
    label: Label


@dataclass(frozen=True)
class Line:
    """One series placed: its path ("" when no two points join), its dots, its label."""

    series: Series
    index: int
    path: str
    dots: list[Point]
    label: Label | None


@dataclass(frozen=True)
class MarkerPlace:
    marker: Marker
    at: Point
    label: Label


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bands: list[BandArea]
    grid: list[GridLine]
    dates: list[Label]
    lines: list[Line]
    markers: list[MarkerPlace]

    @property
    def plot_width(self) -> int:
        return max(1, self.right - self.left)


# --- helpers ------------------------------------------------------------------


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


def segments(points: Iterable[tuple[date, float | None]]) -> list[list[tuple[date, float]]]:
    """Runs of consecutive known values; a None ends a run."""
    runs: list[list[tuple[date, float]]] = [[]]
    for day, value in sorted(points, key=lambda p: p[0]):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((day, float(value)))
    return [run for run in runs if run]


def _date_label(day: date, span_days: int) -> str:
    return f"{day:%b %Y}" if span_days > 400 else f"{day.day} {day:%b}"


def _at(value: float) -> float:
    """A coordinate to a tenth of a pixel: finer would only make the markup longer.

    A whole number comes back as an int, so it is written without ".0".
    """
    rounded = round(float(value), 1)
    return int(rounded) if rounded.is_integer() else rounded


def _path(runs: Iterable[Sequence[tuple[float, float]]]) -> str:
    """One SVG path of "M x y L x y …" pieces, one piece per run of two points or more."""
    return "".join(
        f"{'M' if k == 0 else 'L'}{_at(x)} {_at(y)}"
        for run in runs
        if len(run) > 1
        for k, (x, y) in enumerate(run)
    )


Box = tuple[float, float, float, float]


def _box(label: Label) -> Box:
    """Roughly where a label's words sit: (left, top, right, bottom)."""
    width = len(label.text) * CHAR_WIDTH
    left = {"start": label.x, "end": label.x - width}.get(label.anchor, label.x - width / 2)
    return (left, label.y - FONT_SIZE, left + width, label.y + 3)


def _overlaps(box: Box, others: Iterable[Box]) -> bool:
    return any(
        box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]
        for other in others
    )


# --- the layout -----------------------------------------------------------------


def layout(
    series: Sequence[Series],
    start: date,
    end: date,
    y_min: float,
    y_max: float,
    ticks: Sequence[float],
    bands: Sequence[Band] = (),
    markers: Sequence[Marker] = (),
    width: int = 640,
    height: int = 260,
) -> Layout:
    """Place ``series`` between ``start`` and ``end`` on a fixed y scale.

    The caller has already left out points and markers outside the dates.
    Values outside y_min..y_max are drawn at the edge.
    """
    span_days = max(1, (end - start).days)

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

    # Bands sit underneath everything, with their names tucked in at the left.
    areas = []
    for index, band in enumerate(bands):
        low, high = sorted((band.low, band.high))
        y_top, y_bottom = y_of(high), y_of(low)
        fits = y_bottom - y_top >= FONT_SIZE + 2
        areas.append(
            BandArea(
                band=band,
                y=_at(y_top),
                height=_at(max(0.0, y_bottom - y_top)),
                alternate=bool(index % 2),
                name=Label(left + 4, _at(y_top + FONT_SIZE), band.label) if fits else None,
            )
        )

    grid = [
        GridLine(
            _at(y_of(tick)),
            Label(left - 6, _at(y_of(tick) + FONT_SIZE / 3), figure(tick), "end"),
        )
        for tick in ticks
        if y_min <= tick <= y_max
    ]

    # A few dates on the x axis: always the first and the last.
    label_room = 11 * CHAR_WIDTH
    count = int(max(2, min(5, plot_w // label_room + 1)))
    count = min(count, span_days + 1)
    x_days = sorted({start.toordinal() + round(i * span_days / (count - 1)) for i in range(count)})
    dates = []
    for ordinal in x_days:
        day = date.fromordinal(ordinal)
        anchor = "start" if day == start else "end" if day == end else "middle"
        dates.append(Label(_at(x_of(day)), height - 6, _date_label(day, span_days), anchor))

    # Direct labels at the right, one per line with a value, nudged apart
    # so none sit on another.
    runs_of = [segments(one.points) for one in series]
    ends = [runs[-1][-1][1] for runs in runs_of if runs]
    placed = iter(spread_labels([y_of(v) for v in ends], LABEL_GAP, top, bottom))

    # The lines, broken wherever a value is missing: each run of known
    # values is its own "M…L…" piece of one path, so a gap stays visible.
    lines = []
    for index, (one, runs) in enumerate(zip(series, runs_of, strict=True)):
        path = _path([[(x_of(d), y_of(v)) for d, v in run] for run in runs])
        dots = [
            Point(_at(x_of(d)), _at(y_of(v)))
            for run in runs
            if len(run) == 1 or one.dots
            for d, v in run
        ]
        # A line without a name (its heading names it) gets no empty label.
        label_y = next(placed) if runs else None
        label = (
            Label(right + 6, _at(label_y + FONT_SIZE / 3), one.label)
            if label_y is not None and one.label
            else None
        )
        lines.append(Line(one, index, path, dots, label))

    # Markers: a ringed dot with its words above (or below, near the top),
    # kept inside the plot. Words that would sit on a band's name, a point of
    # a line, a ring or another marker's words are left out: the ring stays,
    # the line above the chart says what it means, and the table names each
    # change.
    taken = [_box(area.name) for area in areas if area.name]
    taken += [
        (x_of(d) - 4, y_of(v) - 4, x_of(d) + 4, y_of(v) + 4)
        for runs in runs_of
        for run in runs
        for d, v in run
    ]
    taken += [(x_of(m.x) - 6, y_of(m.y) - 6, x_of(m.x) + 6, y_of(m.y) + 6) for m in markers]
    places = []
    for marker in markers:
        x, y = x_of(marker.x), y_of(marker.y)
        text_x = min(max(x, left + 40), right - 40)
        above, below = y - 9, y + 9 + FONT_SIZE
        label = Label(_at(text_x), 0, "", "middle")
        for text_y in (above, below) if above - FONT_SIZE >= 0 else (below, above):
            wanted = Label(_at(text_x), _at(text_y), marker.label, "middle")
            box = _box(wanted)
            if marker.label and box[1] >= 0 and box[3] <= height and not _overlaps(box, taken):
                label = wanted
                taken.append(box)
                break
        places.append(MarkerPlace(marker, Point(_at(x), _at(y)), label))

    return Layout(
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        bands=areas,
        grid=grid,
        dates=dates,
        lines=lines,
        markers=places,
    )
