"""Reading a member's lessons and where they are in them.

One query loads the member's sealed progress row, whatever the number of
lessons or how long they have used the app; lessons themselves are read
from disk once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reclaim.vault.fields import open_row

from .lessons import Lesson, all_lessons
from .models import Progress

if TYPE_CHECKING:
    from reclaim.accounts.models import User

NOT_STARTED = "not-started"
STARTED = "started"
FINISHED = "finished"


@dataclass(frozen=True)
class LessonState:
    lesson: Lesson
    started: datetime | None
    finished: datetime | None

    @property
    def state(self) -> str:
        if self.finished:
            return FINISHED
        return STARTED if self.started else NOT_STARTED

    @property
    def is_finished(self) -> bool:
        return self.finished is not None

    @property
    def is_started(self) -> bool:
        return self.started is not None and self.finished is None


def progress_of(user: User) -> dict[str, dict[str, str]]:
    """The member's marks: {slug: {"started": iso, "finished": iso}}, opened from the vault."""
    row = Progress.objects.filter(owner=user).only("id", "owner_id", "lessons_sealed").first()
    if row is None:
        return {}
    return dict(open_row(row, "lessons").lessons or {})


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _state(lesson: Lesson, marks: dict[str, str] | None) -> LessonState:
    marks = marks or {}
    return LessonState(lesson, _when(marks.get("started")), _when(marks.get("finished")))


def program(user: User) -> list[LessonState]:
    """Every lesson in order, with where the member is in it."""
    marks = progress_of(user)
    return [_state(lesson, marks.get(lesson.slug)) for lesson in all_lessons()]


def state_of(user: User, lesson: Lesson) -> LessonState:
    return _state(lesson, progress_of(user).get(lesson.slug))


def next_lesson(user: User) -> Lesson | None:
    """What to read next: a started lesson first, else the first not finished; None when all are."""
    found = next_of(program(user))
    return found.lesson if found else None


def next_of(states: list[LessonState]) -> LessonState | None:
    """next_lesson's choice among states already loaded."""
    started = [s for s in states if s.is_started]
    if started:
        return started[0]
    return next((s for s in states if not s.is_finished), None)


def finished_count(states: list[LessonState]) -> int:
    return sum(1 for s in states if s.is_finished)
