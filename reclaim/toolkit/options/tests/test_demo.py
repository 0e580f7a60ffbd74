"""The demo history that feeds the demo member and the benchmarks."""

from __future__ import annotations

from django.utils import timezone

from reclaim.toolkit.options.demo import seed
from reclaim.toolkit.options.models import PATH_CODES, Snapshot
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows


def test_a_year_brings_a_view_every_few_days_that_reads_back(member):
    today = timezone.localdate()
    seed(member, 365, today)
    snapshots = open_rows(Snapshot.objects.filter(owner=member))
    assert 100 <= len(snapshots) <= 130
    assert max(s.day for s in snapshots) == today
    with key_cache():
        for snapshot in snapshots:
            assert all(0 <= snapshot.drawn(code) <= 10 for code in PATH_CODES)
            assert snapshot.words("work", "step")


def test_a_single_day_still_has_one_view(member):
    seed(member, 1, timezone.localdate())
    assert Snapshot.objects.filter(owner=member).count() == 1
