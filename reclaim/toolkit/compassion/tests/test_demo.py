from datetime import date

from reclaim.toolkit.compassion.demo import seed
from reclaim.toolkit.compassion.models import Break
from reclaim.vault.fields import open_rows


def test_a_year_of_history_is_one_break_a_day_and_reads_back(member):
    seed(member, 365, date(2026, 6, 30))
    rows = open_rows(Break.objects.filter(owner=member))
    assert len(rows) == 365
    assert max(rows, key=lambda row: row.created).day == date(2026, 6, 30)
    assert any(row.has_words for row in rows[:10])
