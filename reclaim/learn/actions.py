"""Every write to a member's lesson progress goes through here.

Views parse and call. Progress is one sealed row per member; each change
reads it, changes one lesson and seals it again, under a row lock so two
taps at once cannot lose each other's change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_row, seal

from .lessons import Lesson
from .models import Progress

if TYPE_CHECKING:
    from reclaim.accounts.models import User

Marks = dict[str, str]


def _change(user: User, lesson: Lesson, change: Callable[[Marks, str], None]) -> Marks:
    now = timezone.now().isoformat()
    with key_cache(), transaction.atomic():
        Progress.objects.get_or_create(owner=user)
        row = open_row(Progress.objects.select_for_update().get(owner=user), "lessons")
        lessons = dict(row.lessons or {})
        marks = dict(lessons.get(lesson.slug) or {})
        change(marks, now)
        lessons[lesson.slug] = marks
        row.lessons = lessons
        seal(row)
        row.save(update_fields=["lessons_sealed"])
    return marks


def _start(marks: Marks, now: str) -> None:
    marks.setdefault("started", now)


def _finish(marks: Marks, now: str) -> None:
    marks.setdefault("started", now)
    marks["finished"] = now


def _unfinish(marks: Marks, now: str) -> None:
    marks.pop("finished", None)


def do_start(user: User, lesson: Lesson) -> Marks:
    """The member is part-way through: keep their place (the first start is kept)."""
    return _change(user, lesson, _start)


def do_finish(user: User, lesson: Lesson) -> Marks:
    """The member has read the lesson; a lesson finished straight away counts as started too."""
    return _change(user, lesson, _finish)


def do_unfinish(user: User, lesson: Lesson) -> Marks:
    """Back to started: the member wants it on their list again."""
    return _change(user, lesson, _unfinish)


def do_mark(user: User, lesson: Lesson, *, started: datetime, finished: datetime | None) -> None:
    """Set a lesson's marks to given times (the demo member's history)."""

    def _set(marks: Marks, now: str) -> None:
        marks.clear()
        marks["started"] = started.isoformat()
        if finished is not None:
            marks["finished"] = finished.isoformat()

    _change(user, lesson, _set)
