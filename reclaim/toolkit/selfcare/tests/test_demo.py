from datetime import date

from reclaim.toolkit.selfcare import queries
from reclaim.toolkit.selfcare.demo import seed
from reclaim.toolkit.selfcare.models import Activity, Done


def test_a_year_of_history_is_one_thing_a_day_from_a_small_plan(member):
    seed(member, 365, date(2026, 6, 30))
    assert Activity.objects.filter(owner=member).count() == 6
    assert Done.objects.filter(owner=member).count() == 365
    week = queries.week_of(member, date(2026, 6, 29))
    assert len(week.entries) == 2  # Monday and Tuesday so far
    assert all(words for words, _ in week.made_time_for)
