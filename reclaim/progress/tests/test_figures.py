"""The sums behind the progress pages, on plain values: periods and averages."""

from datetime import date

import pytest

from reclaim.progress.figures import (
    average_over,
    before_start,
    chart_start,
    days_from,
    days_recorded,
    mean_or_none,
    now_and_before,
    period_start,
)

TODAY = date(2026, 3, 31)


def test_a_period_ends_today_and_the_one_before_ends_the_day_before_it():
    assert period_start(TODAY, 30) == date(2026, 3, 2)
    assert before_start(TODAY, 30) == date(2026, 1, 31)
    assert period_start(TODAY, 1) == TODAY
    assert len(days_from(period_start(TODAY, 7), TODAY)) == 7


def test_an_absent_or_unrated_value_is_left_out_never_counted_as_zero():
    assert mean_or_none([4, None, 6]) == 5
    assert mean_or_none([None, None]) is None
    assert mean_or_none([]) is None


def test_each_day_counts_once_and_only_days_in_the_period():
    means = {
        TODAY: {"mood": 6.3},
        date(2026, 3, 30): {"mood": 6.2},
        date(2026, 3, 29): {"sleep": 4.0},  # mood not rated that day
        date(2026, 3, 1): {"mood": 1.0},  # the day before the 30-day period
    }
    assert average_over(means, "mood", period_start(TODAY, 30), TODAY) == pytest.approx(6.25)
    now, before = now_and_before(means, "mood", TODAY, 30)
    assert now == pytest.approx(6.25)
    assert before == 1.0
    assert days_recorded(means, TODAY, 30) == [date(2026, 3, 29), date(2026, 3, 30), TODAY]


def test_nothing_recorded_before_is_none_not_zero():
    assert now_and_before({TODAY: {"mood": 5.0}}, "mood", TODAY, 7) == (5.0, None)


def test_a_chart_of_one_recent_result_still_spans_two_weeks():
    assert chart_start(TODAY, TODAY) == date(2026, 3, 17)
    assert chart_start(date(2025, 1, 1), TODAY) == date(2025, 1, 1)
