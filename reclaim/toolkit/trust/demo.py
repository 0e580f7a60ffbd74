"""A history of rebuilding trust for the demo member and the benchmarks.

A few agreements made at the start, then about one observation a day: how
one agreement went, often with how much the member trusts that day, and now
and then a note in their own words. Trust drifts slowly upward with real
ups and downs, as it does.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .models import BROKEN, KEPT, UNSURE, Agreement, Observation

if TYPE_CHECKING:
    from reclaim.accounts.models import User

BATCH = 200

_AGREEMENTS = [
    "No more contact with the other person, in any way.",
    "If they get in touch, you tell me the same day, without me having to ask.",
    "Your phone is open to me when I ask, without a fuss.",
    "We talk for twenty minutes on Sunday evenings, and not about it after ten at night.",
    "You go to your own counselling every week.",
]

_NOTES = {
    KEPT: [
        "Told me about the message before I had to ask. I noticed.",
        "A quiet week. No surprises.",
        "The Sunday talk was calm. We stopped when we said we would.",
        "Went to the session and told me a little about it without me asking.",
    ],
    BROKEN: [
        "Found out a day late. It knocked me back.",
        "Said they would tell me and didn't. I said what I will do if it happens again.",
        "The talk ran past eleven again and we were both exhausted.",
    ],
    UNSURE: [
        "I can't tell whether that counts. I'll let it sit.",
        "Something felt off but I have no facts. Writing it down so I can look back.",
    ],
}


def _outcome(rng: random.Random, progress: float) -> str:
    """Mostly kept, a little more so as the months go by."""
    roll = rng.random()
    if roll < 0.08:
        return UNSURE
    return BROKEN if roll < 0.08 + 0.25 * (1 - progress) + 0.05 else KEPT


def seed(user: User, days: int, today: date) -> None:
    """Create about one observation a day for `days` days up to `today`, and a few agreements."""
    rng = random.Random(f"reclaim-trust-{user.pk}")
    zone = user.zone
    span = max(days, 1)
    first = today - timedelta(days=span - 1)
    with key_cache(), transaction.atomic():
        agreements = []
        for index, words in enumerate(_AGREEMENTS[: 3 if span < 60 else 5]):
            made = datetime.combine(first, time(20, index), zone)
            agreement = Agreement(owner=user, created=made, day=first)
            agreement.text = words
            agreement.since = (first - timedelta(days=rng.randint(0, 14))).isoformat()
            agreements.append(agreement)
        if span >= 120:
            # An agreement that did its job and was put away.
            agreements[-1].retired_on = first + timedelta(days=span // 2)
        seal(*agreements)
        Agreement.objects.bulk_create(agreements)

        # Trust rises slowly from about 3 to about 7; a broken agreement
        # knocks it down, and the knock fades over a few days.
        dip = 0.0
        batch: list[Observation] = []
        for offset in range(span):
            day = first + timedelta(days=offset)
            progress = offset / span
            active = [a for a in agreements if a.retired_on is None or a.retired_on > day]
            agreement = rng.choice(active)
            outcome = _outcome(rng, progress)
            dip = dip * 0.7 + {KEPT: 0.0, BROKEN: 1.2, UNSURE: 0.3}[outcome]
            trust = min(max(3 + 4 * progress - dip + rng.uniform(-0.7, 0.7), 0), 10)
            one = Observation(
                owner=user,
                created=datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), zone),
                day=day,
                agreement=agreement,
            )
            one.facts = {
                "outcome": outcome,
                "trust": round(trust) if rng.random() < 0.6 else None,
            }
            one.note = rng.choice(_NOTES[outcome]) if rng.random() < 0.3 else ""
            batch.append(one)
            if len(batch) >= BATCH:
                seal(*batch)
                Observation.objects.bulk_create(batch)
                batch = []
        seal(*batch)
        Observation.objects.bulk_create(batch)
