"""The reads the safety pages make, through safety/queries.py."""

from __future__ import annotations

from reclaim.safety import actions, queries
from reclaim.safety.models import SECTION_KEYS


def test_there_is_no_plan_before_the_member_saves_one(member):
    assert queries.safety_plan_of(member) is None


def test_the_plan_reads_back_for_its_member_only(member, other_member):
    actions.do_save_safety_plan(member, {"warning_signs": ["Not sleeping"]})
    assert queries.safety_plan_of(member).items("warning_signs") == ["Not sleeping"]
    assert queries.safety_plan_of(other_member) is None


def test_the_printed_plan_has_every_section_in_order_with_the_members_lines(member):
    plan = actions.do_save_safety_plan(member, {"reasons": ["My sister"]})
    sections = queries.plan_sections(plan)
    assert [section.key for section, _ in sections] == list(SECTION_KEYS)
    assert dict((section.key, lines) for section, lines in sections)["reasons"] == ["My sister"]
    assert queries.plan_sections(None) == []
