"""A history of use for the demo member and the benchmarks."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from . import when
from .models import CalmSettings, Grounding, Thought

if TYPE_CHECKING:
    from reclaim.accounts.models import User

WORRIES = (
    "What if it is still going on and I cannot see it?",
    "I keep replaying the day I found the messages.",
    "Will the children notice how tired I am?",
    "What do I tell my family at the weekend?",
    "Did I miss something obvious all along?",
    "How will I manage the money if we separate?",
)
NOW_THOUGHTS = (
    "It feels smaller this evening. I can ask one clear question tomorrow.",
    "Still hard, but it is not an emergency tonight.",
    "I do not have to decide this today.",
    "Writing it down helped. It is not my fault.",
)
NOTES = {
    "see": "the lamp, the blue mug, the window, my shoes, a plant",
    "touch": "the sofa, my sleeve, the cool table, my feet on the rug",
    "hear": "the fridge, a car outside, my breathing",
    "smell": "coffee, soap",
    "taste": "mint",
}


def seed(user: User, days: int, today: date) -> None:
    """About one thing a day for `days` days up to `today`: mostly parked thoughts, put to rest.

    The last few stay open (some ready, one waiting), and every fifth day
    keeps grounding notes.
    """
    zone = user.zone
    now = timezone.now()
    thoughts: list[Thought] = []
    groundings: list[Grounding] = []
    with key_cache():
        for back in range(days - 1, -1, -1):
            day = today - timedelta(days=back)
            created = datetime.combine(day, time(13, 30), tzinfo=zone)
            due = datetime.combine(day, when.DEFAULT_WORRY_TIME, tzinfo=zone)
            if back == 0:
                due = now + timedelta(hours=5)  # one still waiting
            thought = Thought(owner=user, created=created, day=day, due=due)
            thought.text = WORRIES[back % len(WORRIES)]
            if back > 2:
                thought.done = due + timedelta(minutes=20)
                thought.emailed = due
                thought.now = NOW_THOUGHTS[back % len(NOW_THOUGHTS)]
            thoughts.append(thought)
            if back % 5 == 0:
                grounding = Grounding(owner=user, created=created - timedelta(hours=2), day=day)
                grounding.notes = NOTES
                groundings.append(grounding)
        seal(*thoughts)
        Thought.objects.bulk_create(thoughts, batch_size=500)
        seal(*groundings)
        Grounding.objects.bulk_create(groundings, batch_size=500)
        row = CalmSettings.objects.filter(owner=user).first() or CalmSettings(owner=user)
        row.worry_time = when.DEFAULT_WORRY_TIME.strftime("%H:%M")
        seal(row)
        row.save()
