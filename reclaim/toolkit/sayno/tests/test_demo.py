from datetime import date

from reclaim.toolkit.sayno.demo import seed
from reclaim.toolkit.sayno.feedback import check
from reclaim.toolkit.sayno.models import Practice, RealNo
from reclaim.toolkit.sayno.scenarios import get_scenario
from reclaim.vault.fields import open_rows


def test_a_year_of_history_is_about_one_thing_a_day_and_reads_back(member):
    seed(member, 365, date(2026, 6, 30))
    practice = open_rows(Practice.objects.filter(owner=member))
    real = open_rows(RealNo.objects.filter(owner=member))
    assert len(practice) + len(real) == 365
    assert len(real) > 50
    newest = max(practice, key=lambda row: row.created)
    assert get_scenario(newest.scenario) is not None
    assert check(newest.draft)
    assert all(0 <= row.felt <= 10 for row in real[:20])
    assert max(row.day for row in real) <= date(2026, 6, 30)
