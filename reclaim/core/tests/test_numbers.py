"""The one rounding rule every page shows numbers with, and the words around them."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import dateformat
from hypothesis import given
from hypothesis import strategies as st

from reclaim.core.numbers import (
    Periods,
    change_words,
    clock,
    figure,
    format_day,
    full_day,
    half_up,
    long_day,
    one_decimal,
    period_label,
    period_words,
    rounded,
    two_decimals,
)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        # Where float formatting rounds half to even or lands just below.
        (6.25, "6.3"),
        (6.35, "6.4"),
        (0.05, "0.1"),
        (2.675, "2.7"),
        (6.24, "6.2"),
        (-6.25, "-6.3"),
        (-0.04, "0.0"),
        (6, "6.0"),
        (10, "10.0"),
        (Decimal("4.45"), "4.5"),
        (None, "–"),
    ],
)
def test_one_decimal_rounds_half_up(value, shown):
    assert one_decimal(value) == shown


def test_python_float_formatting_would_show_a_different_figure():
    # The reason this module exists: the naive way reads 6.2 where a member reads 6.3.
    assert f"{6.25:.1f}" == "6.2"
    assert one_decimal(6.25) == "6.3"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(4, "4"), (4.0, "4"), (4.25, "4.3"), (9.96, "10"), (-1.05, "-1.1"), (None, "–")],
)
def test_figure_drops_a_needless_decimal_but_rounds_the_same_way(value, shown):
    assert figure(value) == shown


def test_two_decimals_round_half_up_too():
    assert two_decimals(3.125) == "3.13"
    assert two_decimals(2) == "2.00"


@given(st.integers(min_value=-10_000, max_value=10_000))
def test_a_tie_always_rounds_away_from_zero(tenths_times_ten):
    # Every value exactly half-way between two tenths, such as 6.25 or -0.35.
    value = (tenths_times_ten * 10 + 5) / 100
    shown = Decimal(one_decimal(value))
    assert abs(shown) == abs(Decimal(repr(value))) + Decimal("0.05")


@given(st.integers(min_value=-1000, max_value=1000))
def test_whole_numbers_show_with_one_decimal_or_none(whole):
    assert one_decimal(whole) == f"{whole}.0"
    assert figure(whole) == str(whole)


@given(st.floats(min_value=-1000, max_value=1000, allow_nan=False))
def test_the_shown_figure_is_within_half_a_tenth_and_has_one_decimal(value):
    text = one_decimal(value)
    whole, _, decimal = text.partition(".")
    assert len(decimal) == 1
    assert abs(Decimal(text) - Decimal(repr(value))) <= Decimal("0.05")
    # Both styles name the same number.
    assert Decimal(figure(value)) == Decimal(text)
    assert rounded(value) == float(text)


@given(st.floats(min_value=0, max_value=10, allow_nan=False))
def test_rounding_a_shown_number_again_changes_nothing(value):
    assert one_decimal(rounded(value)) == one_decimal(value)
    assert half_up(half_up(value)) == half_up(value)


@given(
    st.floats(min_value=0, max_value=10, allow_nan=False),
    st.floats(min_value=0, max_value=10, allow_nan=False),
)
def test_change_words_agree_with_the_figures_they_sit_beside(now, then):
    words = change_words(now, then)
    assert words.endswith(one_decimal(then))
    shown_now, shown_then = Decimal(one_decimal(now)), Decimal(one_decimal(then))
    if shown_now > shown_then:
        assert words.startswith("up from")
    elif shown_now < shown_then:
        assert words.startswith("down from")
    else:
        assert words.startswith("about the same as")


def test_change_words_read_as_a_member_would_say_them():
    assert change_words(6.25, 6.2) == "up from 6.2"
    assert change_words(4.24, 4.16) == "about the same as 4.2"
    assert change_words(4, 6.25) == "down from 6.3"


def test_a_period_choice_falls_back_to_the_default_for_anything_unexpected():
    periods = Periods((7, 30, 90), 30)
    assert periods.chosen("7") == 7
    assert periods.chosen(90) == 90
    for odd in ("", None, "abc", "31", "-7", "7.5"):
        assert periods.chosen(odd) == 30
    assert periods.buttons == [(7, "7 days"), (30, "30 days"), (90, "90 days")]


def test_a_default_outside_the_choices_is_a_mistake():
    with pytest.raises(ValueError, match="default"):
        Periods((30, 90), 7)


def test_period_words():
    assert period_label(365) == "A year"
    assert period_label(30) == "30 days"
    assert period_words(365) == "the last year"
    assert period_words(90) == "the last 90 days"


def test_days_are_written_the_same_way_everywhere():
    day = date(2026, 3, 1)
    assert format_day(day) == "Sun 1 Mar 2026"
    assert format_day(day, with_year=False) == "Sun 1 Mar"
    assert long_day(day) == "1 March 2026"
    assert long_day(day, with_year=False) == "1 March"


@given(st.dates())
def test_a_full_day_reads_as_the_date_filter_writes_it(day):
    assert full_day(day) == dateformat.format(day, "l j F Y")


@given(st.datetimes())
def test_a_clock_time_reads_as_the_time_filter_writes_it(moment):
    assert clock(moment) == dateformat.time_format(moment, "H:i")
