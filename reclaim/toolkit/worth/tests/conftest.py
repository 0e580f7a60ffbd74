"""Helpers for the self-worth tests: rows written through the real actions."""

from __future__ import annotations

from datetime import date

import pytest

from reclaim.testing import html
from reclaim.toolkit.worth import actions
from reclaim.toolkit.worth.models import ACCOMPLISHMENT, STRENGTH, Evidence, Item

RISK = "I have the pills saved up and tonight I end my life."


@pytest.fixture
def strength(member) -> Item:
    item, _ = actions.do_add_item(member, STRENGTH, "Patient with the kids", "Even on hard days.")
    return item


@pytest.fixture
def accomplishment(member) -> Item:
    item, _ = actions.do_add_item(member, ACCOMPLISHMENT, "Learned to swim at thirty")
    return item


@pytest.fixture
def add_evidence():
    def _add(user, text: str, day: date | None = None) -> Evidence:
        piece, _ = actions.do_add_evidence(user, text, day)
        return piece

    return _add


@pytest.fixture
def piece(member, add_evidence) -> Evidence:
    return add_evidence(member, "I told my sister the truth today.", date(2026, 3, 2))


def panel_shown(response) -> bool:
    return bool(html.select(response, "#safety-panel"))
