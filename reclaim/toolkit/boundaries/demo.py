"""A history of boundaries for the demo member and the benchmarks.

A few boundaries made early on, then a note about every day or two of a
time one was tested, holding more often as the months go by.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .held import tally
from .models import Boundary, Occasion
from .script import compose

if TYPE_CHECKING:
    from reclaim.accounts.models import User

# (behaviour, value code, value name, need, action)
_BOUNDARIES = [
    (
        "you bring it up late at night when we are both exhausted",
        "calm",
        "Calm",
        "hard talks to happen in the daytime, when we have agreed to them",
        "say goodnight and go to bed, and we can talk tomorrow",
    ),
    (
        "I am asked to keep what happened a secret from my closest friend",
        "honesty",
        "Honesty",
        "to be free to talk to the people who support me",
        "tell you I will keep talking to her, and leave the conversation there",
    ),
    (
        "you raise your voice at me",
        "respect",
        "Respect",
        "to be spoken to calmly, even when things are hard",
        "leave the room and come back when things are calm",
    ),
    (
        "my phone is checked without asking",
        "self-respect",
        "Self-respect",
        "my own privacy, the same as yours",
        "keep my phone with me and talk about it with our counsellor",
    ),
]
_WHAT = [
    "It came up at eleven at night again.",
    "A relative asked me not to tell anyone.",
    "Voices got raised over the school run.",
    "I found my phone had been moved.",
    "It started as a small thing and got bigger.",
]
_DID = [
    "I said my words, calmly, and went to bed.",
    "I said it, then wobbled and carried on talking.",
    "I left the room for ten minutes and came back.",
    "I froze and said nothing. I wrote it down after.",
    "I reminded them of what we agreed.",
]


def seed(user: User, days: int, today: date) -> None:
    """A few boundaries, and a tested time about every day or two for `days` days."""
    rng = random.Random(f"reclaim-boundaries-{user.pk}")
    zone = user.zone
    span = max(days, 1)
    start = today - timedelta(days=span - 1)
    with key_cache(), transaction.atomic():
        boundaries = []
        for behaviour, code, name, need, action in _BOUNDARIES:
            created = datetime.combine(start, time(rng.randint(8, 20), rng.randint(0, 59)), zone)
            boundary = Boundary(
                id=uuid.uuid4(), owner=user, created=created, updated=created, day=start
            )
            boundary.parts = {"behaviour": behaviour, "value": code, "need": need, "action": action}
            boundary.script = compose(behaviour, name, need, action)
            boundaries.append(boundary)
        occasions: list[Occasion] = []
        outcomes: dict[uuid.UUID, list[tuple[str, str]]] = {b.pk: [] for b in boundaries}
        ago = span - 1
        while ago >= 0:
            day = today - timedelta(days=ago)
            boundary = rng.choice(boundaries)
            created = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), zone)
            later = 1 - ago / span  # holds more often as time goes on
            outcome = rng.choices(("held", "partly", "not"), (1 + 3 * later, 1, 1.5 - later))[0]
            occasion = Occasion(
                id=uuid.uuid4(), owner=user, boundary=boundary, created=created, day=day
            )
            occasion.record = {
                "what": rng.choice(_WHAT),
                "outcome": outcome,
                "did": rng.choice(_DID),
            }
            occasions.append(occasion)
            outcomes[boundary.pk].append((f"{day.isoformat()}T{created.isoformat()}", outcome))
            ago -= rng.choice((1, 1, 2))
        for boundary in boundaries:
            boundary.tally = tally(outcomes[boundary.pk])
        seal(*boundaries)
        Boundary.objects.bulk_create(boundaries)
        seal(*occasions)
        Occasion.objects.bulk_create(occasions, batch_size=200)
