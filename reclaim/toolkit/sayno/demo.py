"""A history of use for the demo member and the benchmarks.

About one thing a day: mostly practice on the scenarios, and every few days
a real no with how it went. The words are our own.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .models import Practice, RealNo
from .scenarios import SCENARIOS

if TYPE_CHECKING:
    from reclaim.accounts.models import User

BATCH = 200

_DRAFTS = [
    "No. I'm not ready to talk about that tonight.",
    "No, I won't be doing that. Thank you for thinking of me.",
    "I'm sorry, I just can't, because I'm so tired and the kids need me and work is a lot.",
    "Maybe not this time? Is that ok?",
    "Not this year. I'm taking a break from hosting.",
    "I'd rather not. I know it matters to you.",
    "No.",
    "I'm keeping that to myself.",
]

_REAL = [
    (
        "My sister",
        "I'm not going into the details, but thank you for asking.",
        "She looked surprised, then changed the subject. It was fine.",
    ),
    (
        "Work",
        "No, I can't cover Saturday.",
        "Nobody minded. I had built it up far more than it needed.",
    ),
    (
        "My partner",
        "Not tonight. We can talk tomorrow after dinner.",
        "There was a long silence, and then an OK. I slept.",
    ),
    (
        "Mum",
        "I'm not ready to forgive, and I will take the time I need.",
        "She cried a bit. I stayed kind and did not take it back.",
    ),
    (
        "The school fair",
        "I'll go on my own this year.",
        "Easier than I feared. I enjoyed the cake stall.",
    ),
]


def seed(user: User, days: int, today: date) -> None:
    """Create about one thing a day for `days` days up to `today`."""
    rng = random.Random(f"reclaim-sayno-{user.pk}")
    zone = user.zone
    practice: list[Practice] = []
    real: list[RealNo] = []
    with key_cache(), transaction.atomic():
        for ago in range(days - 1, -1, -1):
            day = today - timedelta(days=ago)
            created = datetime.combine(day, time(rng.randint(7, 21), rng.randint(0, 59)), zone)
            if ago % 4 == 3:
                who, said, went = rng.choice(_REAL)
                real_no = RealNo(owner=user, created=created, day=day)
                real_no.who, real_no.said, real_no.went = who, said, went
                real_no.felt = rng.randint(3, 9)
                real.append(real_no)
            else:
                scenario = rng.choice(SCENARIOS[:-1])
                practised = Practice(owner=user, created=created, day=day)
                practised.scenario = scenario.code
                practised.moment = ""
                practised.draft = rng.choice(_DRAFTS)
                practice.append(practised)
        seal(*practice)
        Practice.objects.bulk_create(practice, batch_size=BATCH)
        seal(*real)
        RealNo.objects.bulk_create(real, batch_size=BATCH)
