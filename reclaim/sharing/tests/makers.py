"""Connections, switches and member data for the sharing tests, made through the real actions."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reclaim.assessments.actions import do_save_result
from reclaim.checkins.actions import do_create_checkin
from reclaim.journal.actions import do_create_entry
from reclaim.safety.actions import do_save_safety_plan
from reclaim.sharing import actions
from reclaim.sharing.models import Connection

# PHQ-9 answers with known totals (item 9 stays 0, so no safety path opens).
PHQ9_20 = [3, 3, 3, 3, 3, 3, 2, 0, 0]
PHQ9_8 = [1, 1, 1, 1, 1, 1, 1, 1, 0]
GAD7_12 = [2, 2, 2, 2, 2, 1, 1]

ENTRY_WORDS = "I walked by the river and felt the ground hold me"
OTHER_ENTRY_WORDS = "Some things I am not ready to show anyone"
PLAN_LINE = "Call my sister Jo before it gets dark"
CHECKIN_NOTE = "A hard afternoon at the school gate"


def connect(member, practitioner, name: str = "R.") -> Connection:
    made = actions.do_invite_client(practitioner)
    return actions.do_connect(member, made.code, name)


def switch(connection, *, results=(), answers=(), trends=False, safety_plan=False) -> None:
    actions.do_set_switches(
        connection, results=results, answers=answers, trends=trends, safety_plan=safety_plan
    )


def member_data(member) -> dict:
    """A PHQ-9 baseline and a later result, a GAD-7, check-ins, a plan and two entries."""
    now = timezone.now()
    do_save_result(member, "phq9", PHQ9_20, taken=now - timedelta(days=60))
    do_save_result(member, "phq9", PHQ9_8, taken=now - timedelta(days=1))
    do_save_result(member, "gad7", GAD7_12, taken=now - timedelta(days=2))
    for days_ago in (1, 3, 9):
        do_create_checkin(
            member,
            {"mood": 4, "sleep": 6, "triggers": ["Their phone"], "note": CHECKIN_NOTE},
            now=now - timedelta(days=days_ago),
        )
    do_save_safety_plan(member, {"people": [PLAN_LINE]})
    shared = do_create_entry(member, {"title": "By the river", "body": ENTRY_WORDS, "tags": ""})
    private = do_create_entry(member, {"title": "Not yet", "body": OTHER_ENTRY_WORDS, "tags": ""})
    return {"entry": shared, "private": private}
