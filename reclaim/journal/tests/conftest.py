"""Helpers for the journal's tests: entries written through the real actions."""

from __future__ import annotations

import pytest

from reclaim.journal.actions import do_create_entry
from reclaim.journal.models import Entry
from reclaim.vault.crypto import key_cache


@pytest.fixture
def write():
    """Write an entry for a member, as the form would hand it to the action."""

    def _write(user, body: str = "Some words for today.", **fields) -> Entry:
        data = {"title": "", "body": body, "tags": [], "prompt": ""}
        data.update(fields)
        with key_cache():
            return do_create_entry(user, data)

    return _write


@pytest.fixture
def entry(member, write) -> Entry:
    return write(
        member, "The tide went out and I walked a long way.", title="Low tide", tags=["walks"]
    )
