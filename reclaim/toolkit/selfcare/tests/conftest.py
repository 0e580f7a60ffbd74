"""Helpers for the self-care tests: a plan and a log made through the real actions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from reclaim.toolkit.selfcare import actions
from reclaim.toolkit.selfcare.models import Activity, Done
from reclaim.vault.fields import open_rows

RISK = "I have the pills saved up and tonight I end my life."
NEVER = ("missed", "streak", "you didn't", "you did not", "0 times", "panel-danger", "nothing done")


@pytest.fixture
def walk(member) -> Activity:
    actions.do_choose_suggestions(member, ["body-walk"])
    return next(
        a for a in open_rows(Activity.objects.filter(owner=member)) if a.code == "body-walk"
    )


@pytest.fixture
def tomatoes(member) -> Activity:
    activity, _ = actions.do_add_own(member, "joy", "Water the tomatoes")
    return activity


@pytest.fixture
def did():
    """Log an activity on a given day of the member's, at noon there."""

    def _did(user, activity, day: date, note: str = "") -> Done | None:
        noon = datetime.combine(day, time(12), user.zone).astimezone(UTC)
        done, _ = actions.do_log(user, activity, note, again=True, now=noon)
        return done

    return _did


@pytest.fixture
def done(member, walk, did) -> Done:
    return did(member, walk, date(2026, 3, 4), "Round the park.")


def never_shames(page: str) -> None:
    lowered = page.lower()
    for words in NEVER:
        assert words not in lowered, words
