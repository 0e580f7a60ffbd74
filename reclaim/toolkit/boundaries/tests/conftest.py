"""Helpers for the boundaries tests: boundaries and notes made through the real actions."""

from __future__ import annotations

from datetime import date

import pytest

from reclaim.toolkit.boundaries.actions import do_create_boundary, do_log_occasion
from reclaim.toolkit.boundaries.models import Boundary, Occasion

PARTS = {
    "behaviour": "you raise your voice at me",
    "value": "respect",
    "need": "to be spoken to calmly",
    "action": "leave the room and come back later",
    "script": "",
}


@pytest.fixture
def make_boundary():
    def _make(user, **parts) -> Boundary:
        boundary, _ = do_create_boundary(user, {**PARTS, **parts})
        return boundary

    return _make


@pytest.fixture
def boundary(member, make_boundary) -> Boundary:
    return make_boundary(member)


@pytest.fixture
def log():
    def _log(
        boundary, outcome="held", day=None, what="It came up again.", did="I said it."
    ) -> Occasion:
        occasion, _ = do_log_occasion(
            boundary, {"day": day or date(2026, 1, 5), "what": what, "outcome": outcome, "did": did}
        )
        return occasion

    return _log


@pytest.fixture
def occasion(boundary, log) -> Occasion:
    return log(boundary)
