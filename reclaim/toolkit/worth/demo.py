"""A history of use for the demo member and the benchmarks.

About one thing a day: mostly a line of evidence, now and then a strength or
something the member has done. The words are our own.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .models import ACCOMPLISHMENT, STRENGTH, Evidence, Item

if TYPE_CHECKING:
    from reclaim.accounts.models import User

BATCH = 200

_EVIDENCE = [
    "I got the kids to school on time, even after a night with little sleep.",
    "I told my sister the truth about how I am doing.",
    "I said no to something I did not want to do, and the world kept turning.",
    "A colleague said my notes saved the whole meeting.",
    "I ate a proper lunch, sitting down.",
    "I cried, and then I made a cup of tea and kept going.",
    "My friend said she admires how honest I am.",
    "I walked for twenty minutes when I wanted to hide under the duvet.",
    "I did not check their phone today.",
    "I was patient with my mother on the phone.",
    "I noticed a kind thought about myself and let it stay.",
    "I asked for help with the garden instead of doing it all alone.",
    "The neighbour thanked me for taking in the parcel.",
    "I went to the group, even though I almost stayed home.",
]

_STRENGTHS = [
    ("Patient", "Especially with the kids, even on hard days."),
    ("Good with my hands", "I fixed the shelf and the bike this year."),
    ("A loyal friend", ""),
    ("I can make people laugh", "When I am not exhausted."),
    ("Honest", "Even when it costs me something."),
    ("Good at noticing how others feel", ""),
]

_DONE = [
    ("Got through the first month after finding out", "One day at a time."),
    ("Learned to swim at thirty", ""),
    ("Raised two kind children", ""),
    ("Finished my course while working", "Evenings and weekends for two years."),
    ("Looked after Dad when he was ill", "A neighbour thanked me for it."),
    ("Moved to a new city on my own", ""),
]


def seed(user: User, days: int, today: date) -> None:
    """Create about one thing a day for `days` days up to `today`."""
    rng = random.Random(f"reclaim-worth-{user.pk}")
    zone = user.zone
    evidence: list[Evidence] = []
    items: list[Item] = []
    with key_cache(), transaction.atomic():
        for ago in range(days - 1, -1, -1):
            day = today - timedelta(days=ago)
            created = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), zone)
            # Every eighth day or so a strength or an accomplishment; otherwise evidence.
            if ago % 8 == 3:
                kind = STRENGTH if len(items) % 2 == 0 else ACCOMPLISHMENT
                text, note = rng.choice(_STRENGTHS if kind == STRENGTH else _DONE)
                item = Item(id=uuid.uuid4(), owner=user, kind=kind, created=created, day=day)
                item.text = text
                item.note = note
                items.append(item)
            else:
                piece = Evidence(id=uuid.uuid4(), owner=user, created=created, day=day)
                piece.text = rng.choice(_EVIDENCE)
                evidence.append(piece)
        seal(*items)
        Item.objects.bulk_create(items, batch_size=BATCH)
        seal(*evidence)
        Evidence.objects.bulk_create(evidence, batch_size=BATCH)
