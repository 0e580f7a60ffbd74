"""The reads the safety pages make, through safety/queries.py."""

from __future__ import annotations

from reclaim.safety import actions, queries


def test_there_is_no_plan_before_the_member_saves_one(member):
    assert queries.safety_plan_of(member) is None


def test_the_plan_reads_back_for_its_member_only(member, other_member):
    actions.do_save_safety_plan(member, {"warning_signs": ["Not sleeping"]})
    assert queries.safety_plan_of(member).items("warning_signs") == ["Not sleeping"]
    assert queries.safety_plan_of(other_member) is None
