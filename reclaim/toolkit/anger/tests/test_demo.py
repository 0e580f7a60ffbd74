"""The demo history that feeds the demo member and the benchmarks."""

from __future__ import annotations

from django.utils import timezone

from reclaim.toolkit.anger.demo import seed
from reclaim.toolkit.anger.models import Entry
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows


def test_a_year_of_moments_is_about_one_a_day_and_reads_back(member):
    today = timezone.localdate()
    seed(member, 365, today)
    entries = open_rows(Entry.objects.filter(owner=member))
    assert 250 <= len(entries) <= 365
    assert max(entry.day for entry in entries) == today
    with key_cache():
        assert all(0 <= entry.intensity <= 10 for entry in entries)
        assert all(entry.trigger for entry in entries)


def test_a_single_day_still_has_one_moment(member):
    seed(member, 1, timezone.localdate())
    assert Entry.objects.filter(owner=member).count() == 1
