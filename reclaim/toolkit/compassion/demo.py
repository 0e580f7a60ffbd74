"""A history of use for the demo member and the benchmarks: about one break a day."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .models import Break

if TYPE_CHECKING:
    from reclaim.accounts.models import User

BATCH = 200

_NOTICE = [
    "A tight band across my chest.",
    "Numb, mostly. Heavy arms.",
    "Angry, hot in my face.",
    "A knot in my stomach since this morning.",
    "",
]
_COMMON = [
    "The people in my group. They know this feeling.",
    "My friend who went through it two years ago.",
    "Other people have got through this. I can too.",
    "",
]
_KINDNESS = [
    "Hand on my heart. I am doing the best I can.",
    "You did not cause this. Rest now.",
    "I deserve the same care I give everyone else.",
    "A long hug for myself, and an early night.",
    "",
]


def seed(user: User, days: int, today: date) -> None:
    """Create about one thing a day for `days` days up to `today`."""
    rng = random.Random(f"reclaim-compassion-{user.pk}")
    zone = user.zone
    rows = []
    with key_cache(), transaction.atomic():
        for ago in range(days - 1, -1, -1):
            day = today - timedelta(days=ago)
            created = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), zone)
            row = Break(owner=user, created=created, day=day)
            row.notice = rng.choice(_NOTICE)
            row.common = rng.choice(_COMMON)
            row.kindness = rng.choice(_KINDNESS)
            rows.append(row)
        seal(*rows)
        Break.objects.bulk_create(rows, batch_size=BATCH)
