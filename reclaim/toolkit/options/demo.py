"""A believable history of option snapshots for the demo member and the benchmarks.

The words are our own. Someone comes back every few days; most of what they
wrote stays, one or two things change, and how drawn they feel drifts.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .models import PATH_CODES, Snapshot

if TYPE_CHECKING:
    from reclaim.accounts.models import User

BATCH = 200
EVERY = 3  # days between snapshots, roughly

_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "work": {
        "values": ("Loyalty and family matter to me.", "Honesty matters most, and it was broken."),
        "need": (
            "Full honesty, without me having to dig for it.",
            "Counselling, and them taking it seriously.",
        ),
        "pros": ("Our history, the kids, the good years.", "I still love them."),
        "cons": ("I might never trust them again.", "I could lose myself trying."),
        "step": ("Ask about couples counselling.", "Say one thing I need, calmly."),
    },
    "space": {
        "values": ("Respect for myself.", "Calm, and room to think."),
        "need": ("A place to stay for a few weeks.", "A clear time frame we both agree on."),
        "pros": ("I could hear myself think.", "Less fighting in front of the kids."),
        "cons": ("It might feel like the end.", "The cost of two homes."),
        "step": ("Ask my sister about her spare room.", "Look at what a month apart would cost."),
    },
    "separate": {
        "values": ("Self-respect.", "Honesty with myself."),
        "need": ("Enough money to manage alone.", "Knowing the kids would be all right."),
        "pros": ("No more waiting for the next lie.", "A fresh start."),
        "cons": ("Grief for the family we had.", "Fear of being alone."),
        "step": ("Find out my rights, quietly.", "Write down what I earn and spend."),
    },
    "undecided": {
        "values": ("Patience with myself.",),
        "need": ("Time, and some sleep.", "To feel less raw."),
        "pros": ("No rush while I am still in shock.",),
        "cons": ("Not knowing is exhausting.",),
        "step": ("Come back to this page next week.", "Talk it over with my counsellor."),
    },
}


def _next_view(rng: random.Random, previous: dict[str, Any] | None) -> dict[str, Any]:
    view: dict[str, Any] = {}
    for code in PATH_CODES:
        before = (previous or {}).get(code, {})
        drawn = before.get("drawn")
        drawn = rng.randint(2, 8) if drawn is None else max(0, min(10, drawn + rng.randint(-2, 2)))
        words = {
            question: before.get(question) or rng.choice(choices)
            for question, choices in _WORDS[code].items()
        }
        # Usually one thing changes, not everything.
        if rng.random() < 0.6:
            question = rng.choice(list(_WORDS[code]))
            words[question] = rng.choice(_WORDS[code][question])
        view[code] = {"drawn": drawn, **words}
    return view


def seed(user: User, days: int, today: date) -> None:
    """Create a snapshot every few days over `days` days up to `today` (at least one)."""
    rng = random.Random(f"reclaim-options-{user.pk}")
    zone = user.zone
    rows = []
    view = None
    with key_cache():
        # Counted back from today, so the newest view is today's.
        for ago in reversed(range(0, max(days, 1), EVERY)):
            day = today - timedelta(days=ago)
            created = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)), zone)
            view = _next_view(rng, view)
            snapshot = Snapshot(
                id=uuid.uuid4(), owner=user, created=min(created, timezone.now()), day=day
            )
            snapshot.view = view
            rows.append(snapshot)
        seal(*rows)
        Snapshot.objects.bulk_create(rows, batch_size=BATCH)
