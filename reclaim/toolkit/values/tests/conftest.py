"""Helpers for the values tests: sorts made through the real action, and the pages' posts."""

from __future__ import annotations

import pytest

from reclaim.toolkit.values.actions import do_save_sort
from reclaim.toolkit.values.models import Sort


@pytest.fixture
def make_sort():
    def _make(user, chosen=("honesty", "respect", "calm"), words=None) -> Sort:
        words = words or {code: f"My words for {code}." for code in chosen}
        sort, _ = do_save_sort(user, list(chosen), words)
        return sort

    return _make


@pytest.fixture
def sort(member, make_sort) -> Sort:
    return make_sort(member)


def piles(lot=(), some=(), not_now=()) -> dict[str, str]:
    """Step 1's answers as the page posts them."""
    data = {f"pile_{code}": "lot" for code in lot}
    data.update({f"pile_{code}": "some" for code in some})
    data.update({f"pile_{code}": "not" for code in not_now})
    return data
