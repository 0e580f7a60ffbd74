from datetime import date, timedelta

from reclaim.toolkit.selfcare import queries


def test_a_week_starts_on_monday():
    assert queries.week_start(date(2026, 3, 8)) == date(2026, 3, 2)  # a Sunday
    assert queries.week_start(date(2026, 3, 2)) == date(2026, 3, 2)


def test_most_often_comes_first_then_the_order_they_were_done(member, walk, tomatoes, did):
    monday = date(2026, 3, 2)
    did(member, tomatoes, monday)
    did(member, walk, monday + timedelta(days=1))
    did(member, walk, monday + timedelta(days=2))
    week = queries.week_of(member, monday)
    assert week.made_time_for == [("a walk", 2), ("Water the tomatoes", 1)]


def test_recent_weeks_put_each_entry_in_its_own_week(member, walk, did):
    today = date(2026, 3, 11)
    did(member, walk, date(2026, 3, 1))  # the Sunday before this week
    weeks = queries.recent_weeks(member, today)
    assert [w.start for w in weeks] == [
        date(2026, 3, 9),
        date(2026, 3, 2),
        date(2026, 2, 23),
        date(2026, 2, 16),
    ]
    assert [len(w.entries) for w in weeks] == [0, 0, 1, 0]
