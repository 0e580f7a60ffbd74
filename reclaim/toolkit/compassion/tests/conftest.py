"""Breaks a member has saved, made through the real action."""

from __future__ import annotations

import pytest

from reclaim.toolkit.compassion.actions import do_save_break
from reclaim.toolkit.compassion.models import Break


@pytest.fixture
def take():
    def _take(user, notice="Tight chest.", common="My group.", kindness="Rest now.") -> Break:
        return do_save_break(user, {"notice": notice, "common": common, "kindness": kindness})[0]

    return _take


@pytest.fixture
def saved_break(member, take) -> Break:
    return take(member)
