"""RiskEvent and its actions: sealed, bound to their row, the member's to remove."""

import pytest

from reclaim.safety import actions
from reclaim.safety.models import RiskEvent, SafetyPlan
from reclaim.vault.crypto import VaultError
from reclaim.vault.fields import open_row


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


def test_everything_the_moment_says_is_sealed_together(member):
    event = make(member, categories={"abuse", "suicide"}, reasons=("choking", "a plan"))
    stored = open_row(RiskEvent.objects.get(pk=event.pk))
    assert stored.level == "urgent"
    assert stored.source == "journal"
    assert stored.category_set == {"abuse", "suicide"}
    assert stored.reasons == ("choking", "a plan")
    assert abs((stored.created - event.created).total_seconds()) < 1
    sealed = bytes(stored.details_sealed)
    for word in (b"choking", b"urgent", b"journal", b"suicide", b"created"):
        assert word not in sealed


def test_only_the_owner_and_id_are_plain_columns():
    plain = {
        field.column
        for field in RiskEvent._meta.concrete_fields
        if not field.column.endswith("_sealed")
    }
    assert plain == {"id", "owner_id"}


def test_a_sealed_value_moved_to_another_members_row_does_not_open(member, other_member):
    mine = make(member)
    theirs = make(other_member, categories={"abuse"})
    RiskEvent.objects.filter(pk=theirs.pk).update(details_sealed=mine.details_sealed)
    with pytest.raises(VaultError):
        _ = open_row(RiskEvent.objects.get(pk=theirs.pk)).level


def test_a_sealed_value_moved_to_another_row_of_the_same_member_does_not_open(member):
    first = make(member, level="elevated")
    second = make(member)
    RiskEvent.objects.filter(pk=second.pk).update(details_sealed=first.details_sealed)
    with pytest.raises(VaultError):
        _ = open_row(RiskEvent.objects.get(pk=second.pk)).level


def test_answering_the_check_marks_the_moment_seen_once(member):
    event = make(member)
    actions.do_acknowledge(event)
    first_seen = event.acknowledged
    actions.do_answer_safety_check(event, thinking="no", safe="yes")
    stored = open_row(RiskEvent.objects.get(pk=event.pk))
    assert stored.acknowledged == first_seen
    assert stored.safety_check["safe"] == "yes"
    assert b"yes" not in bytes(stored.answer_sealed)


def test_a_moment_not_yet_answered_has_no_answer_at_all(member):
    stored = open_row(RiskEvent.objects.get(pk=make(member).pk))
    assert stored.answer_sealed is None
    assert stored.acknowledged is None
    assert stored.safety_check is None


def test_deleting_the_account_deletes_the_record_and_the_plan(member):
    make(member)
    actions.do_save_safety_plan(member, {"reasons": ["Pepper"]})
    member.delete()
    assert not RiskEvent.objects.exists()
    assert not SafetyPlan.objects.exists()
