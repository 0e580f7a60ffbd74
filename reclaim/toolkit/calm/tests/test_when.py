"""Turning "later", "tomorrow" and "my worry time" into one moment, where the member lives."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from reclaim.toolkit.calm import when

SYDNEY = ZoneInfo("Australia/Sydney")
LONDON = ZoneInfo("Europe/London")
SIX_PM = time(18, 0)


def test_tomorrow_at_my_worry_time_is_the_members_tomorrow_not_the_servers():
    # 20:00 UTC on 10 March is already 07:00 on 11 March in Sydney.
    now = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
    due = when.tomorrow_at(now, SYDNEY, SIX_PM)
    assert due.astimezone(SYDNEY).date() == date(2026, 3, 12)
    assert due.astimezone(SYDNEY).time() == SIX_PM
    assert due == datetime(2026, 3, 12, 7, 0, tzinfo=UTC)  # Sydney is 11 hours ahead then


def test_tomorrow_at_my_worry_time_keeps_the_wall_clock_across_a_clock_change():
    # The clocks in London go forward on 29 March 2026.
    now = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)
    due = when.tomorrow_at(now, LONDON, SIX_PM)
    assert due.astimezone(LONDON).time() == SIX_PM
    assert due == datetime(2026, 3, 29, 17, 0, tzinfo=UTC)


def test_my_worry_time_is_today_while_it_is_still_ahead_and_tomorrow_once_it_has_passed():
    morning = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # 10:00 in London
    evening = datetime(2026, 6, 1, 19, 0, tzinfo=UTC)  # 20:00 in London
    assert when.next_worry_time(morning, LONDON, SIX_PM) == datetime(2026, 6, 1, 17, 0, tzinfo=UTC)
    assert when.next_worry_time(evening, LONDON, SIX_PM) == datetime(2026, 6, 2, 17, 0, tzinfo=UTC)


def test_later_today_is_a_few_hours_from_now():
    now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert when.due_for("later", now, LONDON, SIX_PM) == datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def test_a_chosen_day_and_time_is_read_in_the_members_time_zone():
    now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    due = when.due_for("choose", now, SYDNEY, SIX_PM, date(2026, 6, 3), time(8, 30))
    assert due == datetime(2026, 6, 2, 22, 30, tzinfo=UTC)


def test_an_unknown_choice_is_refused():
    with pytest.raises(ValueError):
        when.due_for("someday", datetime(2026, 6, 1, tzinfo=UTC), LONDON, SIX_PM)


def test_a_stored_worry_time_that_cannot_be_read_counts_as_none():
    assert when.parse_time("18:30") == time(18, 30)
    assert when.parse_time("") is None
    assert when.parse_time("teatime") is None
