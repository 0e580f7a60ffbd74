"""A practitioner's client list reads each client's first and latest result of each questionnaire."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from reclaim.assessments import actions, queries
from reclaim.assessments.models import Result

PHQ9 = [1, 1, 1, 1, 1, 1, 1, 1, 0]
GAD7 = [1, 1, 1, 1, 1, 1, 1]


def _naive(wanted: dict[int, list[str]]) -> dict[tuple[int, str], tuple[uuid.UUID, uuid.UUID, int]]:
    found = {}
    for owner_id, codes in wanted.items():
        for code in codes:
            rows = list(Result.objects.filter(owner_id=owner_id, code=code).order_by("taken", "id"))
            if rows:
                found[(owner_id, code)] = (rows[0].pk, rows[-1].pk, len(rows))
    return found


@pytest.mark.parametrize("microsecond", [0, 123456])
def test_first_latest_and_count_match_each_members_own_list_even_when_moments_coincide(
    member, other_member, microsecond
):
    rng = random.Random(4)
    now = timezone.now().replace(microsecond=microsecond)
    for user in (member, other_member):
        for _ in range(12):
            days = rng.choice([0, 5, 5, 30, 90, 200])  # repeats: two results at one moment
            code, answers = rng.choice([("phq9", PHQ9), ("gad7", GAD7)])
            actions.do_save_result(user, code, answers, taken=now - timedelta(days=days))
    wanted = {member.pk: ["phq9", "gad7"], other_member.pk: ["phq9"]}
    got = queries.first_and_latest_of_many(wanted)
    assert {
        key: (ends.first.pk, ends.latest.pk, ends.count) for key, ends in got.items()
    } == _naive(wanted)
    # Only what was asked: the other member's GAD-7 stays out, and summaries are opened.
    assert (other_member.pk, "gad7") not in got
    assert all(ends.latest.summary for ends in got.values())


def test_a_member_with_no_results_is_simply_absent(member):
    assert queries.first_and_latest_of_many({member.pk: ["phq9"]}) == {}
    assert queries.first_and_latest_of_many({}) == {}
