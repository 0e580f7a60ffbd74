"""Helpers for the options tool's tests: snapshots saved through the real actions."""

from __future__ import annotations

import pytest

from reclaim.toolkit.options.actions import do_save_snapshot
from reclaim.toolkit.options.models import PATH_CODES, QUESTION_CODES, Snapshot


def posted(**changes: str) -> dict[str, str]:
    """What the form posts when nothing was touched: every slider at 5, every box empty."""
    data = {}
    for path in PATH_CODES:
        data[f"{path}_drawn"] = "5"
        for question in QUESTION_CODES:
            data[f"{path}_{question}"] = ""
    data.update(changes)
    return data


@pytest.fixture
def snap():
    """Save a snapshot for a member: `drawn` per path, and any words as {path: {question: …}}."""

    def _snap(user, drawn: dict[str, int] | None = None, **words: dict[str, str]) -> Snapshot:
        view: dict[str, dict[str, object]] = {}
        for path in PATH_CODES:
            view[path] = {"drawn": (drawn or {}).get(path, 5)}
            for question in QUESTION_CODES:
                view[path][question] = words.get(path, {}).get(question, "")
        snapshot, _ = do_save_snapshot(user, view)
        return snapshot

    return _snap


@pytest.fixture
def snapshot(member, snap) -> Snapshot:
    return snap(
        member,
        {"work": 6, "space": 4, "separate": 2, "undecided": 7},
        work={"pros": "The years we built together.", "step": "Ask about counselling."},
        separate={"cons": "The kids would have two homes."},
    )
