"""The reads the questionnaire pages make, through assessments/queries.py."""

from __future__ import annotations

from reclaim.assessments import actions, queries


def test_owned_results_hold_only_the_members_own(member, other_member):
    mine = actions.do_save_result(member, "gad7", [1] * 7)
    actions.do_save_result(other_member, "gad7", [2] * 7)
    assert list(queries.owned_results(member)) == [mine]


def test_answers_in_progress_read_back_for_that_questionnaire_only(member, other_member):
    actions.do_save_answers(member, "phq9", {1: 2, 2: 1})
    actions.do_save_answers(other_member, "phq9", {1: 3})
    assert queries.in_progress(member, "phq9").answer_map == {1: 2, 2: 1}
    assert queries.in_progress(member, "gad7") is None
