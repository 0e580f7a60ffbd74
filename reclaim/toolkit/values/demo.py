"""A history of value sorts for the demo member and the benchmarks.

People sort their values now and then, not daily: one sort about every
week, with a five that shifts slowly (safety and calm early on, growth and
freedom later), each value in a few words of the member's own.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .models import Sort

if TYPE_CHECKING:
    from reclaim.accounts.models import User

EVERY = 7

_WORDS = {
    "honesty": "Being told the truth the first time, not when it is found out.",
    "respect": "My feelings are taken seriously, by others and by me.",
    "calm": "Evenings without a knot in my stomach.",
    "security": "Knowing where the money is and where I will live.",
    "family": "The kids feel safe and loved, whatever happens between us.",
    "self-respect": "I stop apologising for having needs.",
    "kindness": "Being gentle with myself on the bad days.",
    "growth": "Becoming someone I recognise and like.",
    "freedom": "Making choices for my own reasons.",
    "trust": "Trust is earned slowly now, and that is all right.",
    "health": "Sleep, food, walks. The basics first.",
    "belonging": "My friends, who stayed.",
    "creativity": "Painting again, even badly.",
    "nature": "The long walk by the river on Sundays.",
}
_EARLY = ["security", "calm", "honesty", "family", "respect", "health"]
_LATER = ["growth", "freedom", "self-respect", "kindness", "trust", "belonging", "creativity"]


def _five(rng: random.Random, progress: float) -> list[str]:
    pool = _EARLY if rng.random() > progress else _LATER
    other = _LATER if pool is _EARLY else _EARLY
    picked = rng.sample(pool, 3) + rng.sample([c for c in other if c != "nature"], 1)
    picked.append(rng.choice([c for c in _WORDS if c not in picked]))
    return picked


def seed(user: User, days: int, today: date) -> None:
    """A sort about once a week over `days` days up to `today` (at least one)."""
    rng = random.Random(f"reclaim-values-{user.pk}")
    zone = user.zone
    offsets = list(range(max(days, 1) - 1, -1, -EVERY)) or [0]
    rows = []
    with key_cache(), transaction.atomic():
        for i, ago in enumerate(offsets):
            day = today - timedelta(days=ago)
            created = datetime.combine(day, time(rng.randint(7, 21), rng.randint(0, 59)), zone)
            sort = Sort(id=uuid.uuid4(), owner=user, created=created, day=day)
            codes = _five(rng, i / max(len(offsets), 1))
            sort.top = [
                {"code": code, "words": _WORDS[code] if rng.random() < 0.8 else ""}
                for code in codes
            ]
            rows.append(sort)
        seal(*rows)
        Sort.objects.bulk_create(rows, batch_size=200)
