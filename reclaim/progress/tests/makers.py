"""Small builders for progress tests: check-ins, entries and results on given days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from reclaim.assessments.actions import do_save_result
from reclaim.checkins.models import SCALE_NAMES, CheckIn, local_day
from reclaim.journal.models import Entry
from reclaim.vault.fields import create_sealed, seal

# Raw answers with known scores. PHQ-9 item 9 stays at 0 throughout, so no
# test opens the safety path by accident.
PHQ9_20 = [3, 3, 3, 3, 3, 3, 2, 0, 0]
PHQ9_8 = [1, 1, 1, 1, 1, 1, 1, 1, 0]
PHQ9_6 = [1, 1, 1, 1, 1, 1, 0, 0, 0]
PCL5_40 = [2] * 20  # at or above the cut-point, and the DSM-5 pattern
PCL5_20 = [1] * 20
WHO5_40 = [2, 2, 2, 2, 2]  # raw 10, 40 %


def today_of(user) -> date:
    return local_day(user)


def checkin(user, day: date, **values) -> CheckIn:
    scores = dict.fromkeys(SCALE_NAMES, 5) | values
    moment = datetime.combine(day, time(12), tzinfo=user.zone)
    return create_sealed(CheckIn, owner=user, day=day, created=moment, scores=scores)


def entry(user, title: str, body: str = "Some words.", day: date | None = None) -> Entry:
    day = day or local_day(user)
    made = Entry(owner=user, day=day, created=datetime.combine(day, time(13), tzinfo=user.zone))
    made.title = title
    made.body = body
    made.tags = []
    seal(made)
    made.save()
    return made


def result(user, code: str, answers: list[int], days_ago: int = 0):
    return do_save_result(user, code, answers, taken=timezone.now() - timedelta(days=days_ago))
