"""A believable anger log for the demo member and the benchmarks.

The words are our own, in the voice of someone in the months after finding
out: most days have one moment, some none, and the waves slowly soften.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .models import PLACE_NAMES, Entry

if TYPE_CHECKING:
    from reclaim.accounts.models import User

BATCH = 200

_TRIGGERS = (
    "A message from their phone lit up on the table.",
    "We drove past the restaurant where they met.",
    "A friend said we looked so happy in an old photo.",
    "They said I should be over it by now.",
    "A song from that summer came on the radio.",
    "I found another receipt I had not seen before.",
    "They were late home and did not say why.",
    "Someone at work joked about cheating.",
    "I woke at four and could not stop replaying it.",
    "The kids asked why I was so quiet.",
)
_URGES = (
    "To shout until my voice went.",
    "To throw the phone across the room.",
    "To send a long, furious message.",
    "To leave and drive somewhere, anywhere.",
    "To slam every door in the house.",
    "To demand every detail, right there and then.",
    "",
)
_ACTIONS = (
    "I went for a fast walk round the block.",
    "I splashed cold water on my face and sat down.",
    "I wrote it all in my journal instead.",
    "I said I needed ten minutes and went upstairs.",
    "I breathed slowly until my hands stopped shaking.",
    "I snapped at them, then went outside to cool off.",
    "I called my sister.",
    "",
)
_OWN_PLACES = ("", "", "", "", "back", "behind my eyes", "legs")


def _one(
    rng: random.Random, user: User, created: datetime, day: date, ago: int, days: int
) -> Entry:
    # Earlier moments run hotter; the waves soften with time.
    settle = ago / max(days, 1)
    intensity = max(0, min(10, round(rng.gauss(3.5 + 3.5 * settle, 1.8))))
    entry = Entry(id=uuid.uuid4(), owner=user, created=created, day=day)
    entry.feeling = {
        "intensity": intensity,
        "places": rng.sample(list(PLACE_NAMES), k=rng.choice((0, 1, 1, 2, 2, 3))),
        "own_place": rng.choice(_OWN_PLACES),
    }
    entry.trigger = rng.choice(_TRIGGERS)
    entry.urge = rng.choice(_URGES)
    entry.action = rng.choice(_ACTIONS)
    return entry


def seed(user: User, days: int, today: date) -> None:
    """Create about one moment a day for `days` days up to `today`."""
    rng = random.Random(f"reclaim-anger-{user.pk}")
    zone = user.zone
    rows = []
    with key_cache():
        for ago in range(days - 1, -1, -1):
            # Most days one moment, some days none; the last day always has one.
            if ago and rng.random() < 0.15:
                continue
            day = today - timedelta(days=ago)
            created = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), zone)
            rows.append(_one(rng, user, min(created, timezone.now()), day, ago, days))
        seal(*rows)
        Entry.objects.bulk_create(rows, batch_size=BATCH)
