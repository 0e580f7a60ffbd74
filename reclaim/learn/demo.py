"""The demo member's progress: a few lessons read, one under way."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from reclaim.vault.crypto import key_cache

from .actions import do_mark
from .lessons import all_lessons

if TYPE_CHECKING:
    from reclaim.accounts.models import User

# Days before `today` on which the demo member read each of the first lessons.
FINISHED_DAYS_AGO = (24, 17, 9)
STARTED_DAYS_AGO = 2


def seed(user: User, days: int, today: date) -> None:
    """Finish the first three lessons over the past weeks and start the fourth.

    The reading fits in the last four weeks whatever `days` the demo spans.
    """
    lessons = all_lessons()

    def evening(days_ago: int) -> datetime:
        return datetime.combine(today - timedelta(days=days_ago), time(20, 30), tzinfo=user.zone)

    with key_cache():
        for lesson, days_ago in zip(lessons, FINISHED_DAYS_AGO, strict=False):
            read = evening(days_ago)
            do_mark(user, lesson, started=read - timedelta(minutes=6), finished=read)
        if len(lessons) > len(FINISHED_DAYS_AGO):
            do_mark(
                user,
                lessons[len(FINISHED_DAYS_AGO)],
                started=evening(STARTED_DAYS_AGO),
                finished=None,
            )
