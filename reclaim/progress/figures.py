"""What the progress pages compute: periods, averages, and where results and bands fall.

Plain sums on values already read: no charts, no words, no templates. The
pages (progress.py, today.py, summary.py, helped.py) turn these numbers into
pictures and sentences, and core.numbers decides how each number is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from reclaim.assessments.queries import (
    BandBasis,
    Instrument,
    ScoreKind,
    SeriesPoint,
    configured_cutpoint,
)

from .geometry import Band

# A day's check-in means, per scale; a scale not rated that day is None or absent.
# Read-only (Mapping) so a day's plain floats from check-ins fit as they are.
DailyMeans = Mapping[date, Mapping[str, float | None]]

# A chart of a single result still needs a little time either side to be a picture.
MIN_SPAN_DAYS = 14


# --- periods ------------------------------------------------------------------


def period_start(today: date, days: int) -> date:
    """The first day of the ``days`` days that end with ``today``."""
    return today - timedelta(days=days - 1)


def before_start(today: date, days: int) -> date:
    """The first day of the ``days`` days just before that period, for a comparison."""
    return period_start(today, days) - timedelta(days=days)


def days_from(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both included."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# --- check-in averages --------------------------------------------------------


def mean_or_none(values: Iterable[float | None]) -> float | None:
    """The average of the values there are, or None when there are none.

    A period without check-ins, or a scale left unrated, is absent, never 0.
    """
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def average_over(means: DailyMeans, name: str, start: date, end: date) -> float | None:
    """One scale's average over the days with check-ins from ``start`` to ``end``.

    Each day counts once, however many check-ins it holds (each day is
    already the mean of its check-ins).
    """
    return mean_or_none(values.get(name) for day, values in means.items() if start <= day <= end)


def now_and_before(
    means: DailyMeans, name: str, today: date, days: int
) -> tuple[float | None, float | None]:
    """One scale's average over the last ``days`` days, and over the ``days`` before."""
    start = period_start(today, days)
    return (
        average_over(means, name, start, today),
        average_over(means, name, before_start(today, days), start - timedelta(days=1)),
    )


def days_recorded(means: DailyMeans, today: date, days: int) -> list[date]:
    """The days with check-ins in the last ``days`` days, oldest first."""
    start = period_start(today, days)
    return sorted(day for day in means if start <= day <= today)


# --- questionnaires ------------------------------------------------------------


def chart_start(first_day: date, today: date) -> date:
    """Where a questionnaire chart begins: the first result, or two weeks back at least."""
    return min(first_day, today - timedelta(days=MIN_SPAN_DAYS))


def to_score_units(instrument: Instrument, value: float) -> float:
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
            else to_score_units(instrument, (bands[index - 1].high + band.low) / 2)
        )
        high = (
            high_end
            if index == len(bands) - 1
            else to_score_units(instrument, (band.high + bands[index + 1].low) / 2)
        )
        shaded.append(Band(round(low, 3), round(high, 3), band.label))
    return shaded


def cutpoint_of(instrument: Instrument, points: Sequence[SeriesPoint]) -> int | None:
    """The cut-point to shade with: the latest result's own, else the setting's."""
    if instrument.cutpoint_setting is None:
        return None
    for point in reversed(points):
        if point.score.cutpoint is not None:
            return point.score.cutpoint
    return configured_cutpoint(instrument)
