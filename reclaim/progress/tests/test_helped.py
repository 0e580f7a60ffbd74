from datetime import date, timedelta

from reclaim.checkins.models import SCALE_NAMES
from reclaim.journal.queries import days_with_entries
from reclaim.progress.figures import mean_or_none
from reclaim.progress.helped import MIN_DAYS, WINDOW_DAYS, what_helped

from .makers import entry, today_of

TODAY = date(2026, 6, 30)


def day(n: int) -> date:
    return TODAY - timedelta(days=n)


def scores(**values) -> dict[str, float | None]:
    return dict.fromkeys(SCALE_NAMES, 5.0) | values


def test_it_averages_each_scale_on_days_with_writing_and_on_days_without():
    means = {day(n): scores(mood=8.0, anger=2.0) for n in range(5)}
    means |= {day(n): scores(mood=4.0, anger=6.0) for n in range(10, 14)}
    means[day(20)] = scores(mood=5.0, anger=7.0)
    written = {day(n) for n in range(5)}
    helped = what_helped(means, written, TODAY)
    assert (helped.days_with, helped.days_without) == (5, 5)
    rows = {row.scale.name: row for row in helped.rows}
    assert (rows["mood"].with_writing, rows["mood"].without_writing) == (8.0, 4.2)
    assert (rows["anger"].with_text, rows["anger"].without_text) == ("2.0", "6.2")
    assert [row.label for row in helped.rows] == [
        "Mood",
        "Anger",
        "Anxiety",
        "Sleep",
        "Self-worth",
    ]


def test_only_days_with_a_check_in_in_the_last_90_days_count():
    means = {day(n): scores(mood=8.0) for n in range(5)}
    means |= {day(n): scores(mood=4.0) for n in range(10, 15)}
    # The 90th day back counts; the 91st and any day ahead do not.
    means[day(WINDOW_DAYS - 1)] = scores(mood=6.0)
    means[day(WINDOW_DAYS)] = scores(mood=0.0)
    means[TODAY + timedelta(days=1)] = scores(mood=0.0)
    # Writing on a day without a check-in adds nothing to either group.
    written = {day(n) for n in range(5)} | {day(40), day(WINDOW_DAYS)}
    helped = what_helped(means, written, TODAY)
    assert (helped.days_with, helped.days_without) == (5, 6)
    mood = helped.rows[0]
    assert mood.with_writing == 8.0
    assert mood.without_writing == (4.0 * 5 + 6.0) / 6


def test_with_fewer_than_five_days_in_either_group_there_is_no_comparison():
    means = {day(n): scores() for n in range(MIN_DAYS - 1)}
    means |= {day(n): scores() for n in range(10, 30)}
    helped = what_helped(means, {day(n) for n in range(MIN_DAYS - 1)}, TODAY)
    assert not helped.enough
    assert helped.rows == []
    assert (helped.days_with, helped.days_without) == (MIN_DAYS - 1, 20)

    everything_written = what_helped(means, set(means), TODAY)
    assert not everything_written.enough
    assert everything_written.days_without == 0


def test_nothing_at_all_is_not_enough_and_does_not_divide_by_zero():
    helped = what_helped({}, set(), TODAY)
    assert (helped.days_with, helped.days_without, helped.enough) == (0, 0, False)


def test_journal_days_are_the_members_own_days_with_writing(member, other_member):
    today = today_of(member)
    entry(member, "One", day=today)
    entry(member, "Two the same day", day=today)
    entry(member, "Earlier", day=today - timedelta(days=3))
    entry(member, "Too early", day=today - timedelta(days=100))
    entry(other_member, "Not theirs", day=today - timedelta(days=1))
    assert days_with_entries(member, today - timedelta(days=89), today) == {
        today,
        today - timedelta(days=3),
    }


def test_a_scale_not_rated_on_a_day_counts_nowhere():
    assert mean_or_none([4.0, None, 6.0]) == 5.0
    assert mean_or_none([None, None]) is None
    means = {day(n): scores(mood=8.0, sleep=None) for n in range(5)}
    means |= {day(n): scores(mood=None, sleep=None) for n in range(10, 14)}
    means[day(14)] = scores(mood=2.0, sleep=None)
    rows = {
        row.scale.name: row for row in what_helped(means, {day(n) for n in range(5)}, TODAY).rows
    }
    assert (rows["mood"].with_writing, rows["mood"].without_writing) == (8.0, 2.0)
    assert (rows["sleep"].with_text, rows["sleep"].without_text) == ("–", "–")
