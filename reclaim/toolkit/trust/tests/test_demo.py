"""The demo history: believable, about one observation a day, all readable."""

from __future__ import annotations

from django.utils import timezone

from reclaim.toolkit.trust.demo import seed
from reclaim.toolkit.trust.models import Agreement, Observation
from reclaim.vault.fields import open_rows


def test_a_year_of_history_has_agreements_one_retired_and_a_note_a_day(member):
    today = timezone.localdate()
    seed(member, 365, today)
    agreements = open_rows(Agreement.objects.filter(owner=member))
    assert len(agreements) == 5
    assert sum(1 for a in agreements if not a.active) == 1
    notes = open_rows(Observation.objects.filter(owner=member))
    assert len(notes) == 365
    assert max(n.day for n in notes) == today
    levels = [n.trust for n in notes if n.trust is not None]
    assert levels and all(0 <= level <= 10 for level in levels)
    assert {n.outcome for n in notes} <= {"kept", "broken", "unsure"}
    retired = next(a for a in agreements if not a.active)
    assert all(n.day < retired.retired_on for n in notes if n.agreement_id == retired.pk)


def test_one_day_of_history_is_enough_for_a_page(member):
    seed(member, 1, timezone.localdate())
    assert Observation.objects.filter(owner=member).count() == 1
    assert Agreement.objects.filter(owner=member).count() == 3
