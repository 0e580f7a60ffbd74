"""Shared by the learn tests and the browser journey: small lessons of our own.

The engine is tested on the lessons in `lessons/` beside this file, so the
tests do not depend on the real lessons, which writers change over time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reclaim.journal import prompts
from reclaim.learn.lessons import all_lessons, register_reflections

TEST_LESSONS = Path(__file__).resolve().parent / "lessons"


def use_test_lessons(settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Serve the test lessons, with their reflections offered as journal prompts.

    The journal's prompt registry is copied first and put back afterwards,
    so the test lessons' prompts never leak into other tests.
    """
    settings.LEARN_CONTENT_DIR = TEST_LESSONS
    # The real lessons' reflections were registered as the app started;
    # the copies leave them out, so only the test lessons' prompts are offered.
    monkeypatch.setattr(prompts, "_THEMES", [t for t in prompts._THEMES if t.slug != "lesson"])
    monkeypatch.setattr(
        prompts, "_BY_CODE", {c: p for c, p in prompts._BY_CODE.items() if p.theme != "lesson"}
    )
    monkeypatch.setattr(
        prompts,
        "_THEME_BY_SLUG",
        {s: t for s, t in prompts._THEME_BY_SLUG.items() if s != "lesson"},
    )
    register_reflections(all_lessons())
