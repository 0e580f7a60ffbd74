"""The reads the check-in pages make, through checkins/queries.py."""

from __future__ import annotations

from datetime import UTC, datetime

from reclaim.checkins import queries


def test_owned_checkins_hold_only_the_members_own(member, other_member, make_checkin):
    mine = make_checkin(member)
    make_checkin(other_member)
    assert list(queries.owned_checkins(member)) == [mine]


def test_the_history_is_newest_first_and_says_which_have_a_note(member, make_checkin):
    older = make_checkin(member, note="Slept badly.", now=datetime(2026, 3, 1, 9, tzinfo=UTC))
    newer = make_checkin(member, note="", now=datetime(2026, 3, 2, 9, tzinfo=UTC))
    rows = list(queries.history(member))
    assert rows == [newer, older]
    assert [row.has_note for row in rows] == [False, True]
