"""A history of use for the demo member and the benchmarks.

A small plan (five of our suggestions and one of the member's own), and
about one thing done a day, sometimes with a short note.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .areas import suggestion
from .models import Activity, Done

if TYPE_CHECKING:
    from reclaim.accounts.models import User

BATCH = 200

_PLAN = ["joy-song", "calm-breathe", "body-walk", "body-meal", "connect-call"]
_OWN = ("joy", "Water the tomatoes and sit with them a while")
_NOTES = [
    "",
    "",
    "",
    "Felt a bit lighter afterwards.",
    "Only ten minutes, and that was fine.",
    "It rained, I went anyway.",
    "Hard to start, glad I did.",
]


def seed(user: User, days: int, today: date) -> None:
    """Create about one thing a day for `days` days up to `today`."""
    rng = random.Random(f"reclaim-selfcare-{user.pk}")
    zone = user.zone
    start = today - timedelta(days=days - 1)
    with key_cache(), transaction.atomic():
        plan: list[Activity] = []
        for code in _PLAN:
            activity = Activity(id=uuid.uuid4(), owner=user, area=suggestion(code).area, day=start)
            activity.what = {"code": code}
            plan.append(activity)
        own = Activity(id=uuid.uuid4(), owner=user, area=_OWN[0], day=start)
        own.what = {"own": _OWN[1]}
        plan.append(own)
        for activity in plan:
            activity.created = datetime.combine(start, time(9), zone)
        seal(*plan)
        Activity.objects.bulk_create(plan)

        log: list[Done] = []
        for ago in range(days - 1, -1, -1):
            day = today - timedelta(days=ago)
            activity = rng.choice(plan)
            done = Done(
                id=uuid.uuid4(),
                owner=user,
                activity=activity,
                area=activity.area,
                day=day,
                created=datetime.combine(day, time(rng.randint(7, 21), rng.randint(0, 59)), zone),
            )
            done.what = dict(activity.what)
            done.note = rng.choice(_NOTES)
            log.append(done)
        seal(*log)
        Done.objects.bulk_create(log, batch_size=BATCH)
