"""RiskEvent and its actions: sealed, bound to their row, the member's to remove."""

import pytest

from reclaim.safety import actions
from reclaim.safety.models import RiskEvent, SafetyPlan
from reclaim.vault.crypto import VaultError


def make(user, **extra):
    defaults = {
        "source": "journal",
        "level": "urgent",
        "categories": {"suicide"},
        "reasons": ("r",),
    }
    defaults.update(extra)
    return actions.do_record_risk(user, **defaults)


def test_only_elevated_or_urgent_moments_are_recorded(member):
    with pytest.raises(ValueError):
        make(member, level="none")


def test_categories_and_reasons_are_sealed_together(member):
    event = make(member, categories={"abuse", "suicide"}, reasons=("choking", "a plan"))
    stored = RiskEvent.objects.get(pk=event.pk)
    assert stored.categories == {
        "categories": ["abuse", "suicide"],
        "reasons": ["choking", "a plan"],
    }
    assert b"choking" not in bytes(stored.categories_sealed)


def test_a_sealed_value_moved_to_another_members_row_does_not_open(member, other_member):
    mine = make(member)
    theirs = make(other_member, categories={"abuse"})
    RiskEvent.objects.filter(pk=theirs.pk).update(categories_sealed=mine.categories_sealed)
    with pytest.raises(VaultError):
        _ = RiskEvent.objects.get(pk=theirs.pk).categories


def test_answering_the_check_marks_the_moment_seen_once(member):
    event = make(member)
    actions.do_acknowledge(event)
    first_seen = event.acknowledged
    actions.do_answer_safety_check(event, thinking="no", safe="yes")
    stored = RiskEvent.objects.get(pk=event.pk)
    assert stored.acknowledged == first_seen
    assert stored.safety_check["safe"] == "yes"


def test_deleting_the_account_deletes_the_record_and_the_plan(member):
    make(member)
    actions.do_save_safety_plan(member, {"reasons": ["Pepper"]})
    member.delete()
    assert not RiskEvent.objects.exists()
    assert not SafetyPlan.objects.exists()
