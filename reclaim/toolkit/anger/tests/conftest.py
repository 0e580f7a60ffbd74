"""Helpers for the anger log's tests: moments logged through the real actions."""

from __future__ import annotations

import pytest

from reclaim.toolkit.anger.actions import do_log
from reclaim.toolkit.anger.models import Entry


@pytest.fixture
def log():
    """Log a moment for a member, as the form would hand it to the action."""

    def _log(user, intensity: int = 4, **fields) -> Entry:
        data = {
            "intensity": intensity,
            "places": [],
            "own_place": "",
            "trigger": "",
            "urge": "",
            "action": "",
        }
        data.update(fields)
        entry, _ = do_log(user, data)
        return entry

    return _log


@pytest.fixture
def moment(member, log) -> Entry:
    return log(
        member,
        6,
        places=["jaw", "hands"],
        trigger="The old photo on the fridge.",
        urge="To tear it up.",
        action="I went for a walk.",
    )
