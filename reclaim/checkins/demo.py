"""Believable check-in history for `reclaim demo` and the benchmarks.

The story: the member found out just before the first day. The first weeks
are heavy (low mood and sleep, high anger and racing thoughts, worth at the
floor); then the numbers drift, slowly and unevenly, towards steadier
ground. Weekends are harder (more time at home together), a few dates hit
hard (an anniversary, the day the messages were found, a month after), and
now and then a day is simply bad. The same member always gets the same
history, so benchmarks compare like with like.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from django.utils import timezone

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from .models import COMMON_TRIGGERS, SCALE_MAX, CheckIn, OwnTrigger, local_day

if TYPE_CHECKING:
    from reclaim.accounts.models import User

BATCH = 500
# About one check-in in twenty leaves one scale not rated.
UNRATED_SHARE = 0.05

# (start of the story, where it has drifted to by the end), per scale.
_ARC = {
    "mood": (2.5, 6.5),
    "anger": (7.5, 3.5),
    "anxiety": (8.0, 3.5),
    "sleep": (3.0, 6.5),
    "self_worth": (2.0, 6.0),
}
_HIGHER_IS_BETTER = {"mood", "sleep", "self_worth"}

_OWN_TRIGGERS = ("Our song on the radio", "Their car in the drive", "Friends asking how we are")

# In the member's own voice. Heavy ones are picked on heavy days.
_HEAVY_NOTES = (
    "Couldn't stop going through the messages in my head again. 3am and wide awake.",
    "Every time their phone lights up my stomach drops.",
    "I keep asking myself what I missed. I know it isn't on me, but it doesn't feel that way at night.",
    "Had to leave the supermarket. Saw someone who looked like her.",
    "Cried in the car before work so nobody would see.",
    "They said 'it meant nothing'. That somehow makes it worse.",
    "Angry all day. Slammed a cupboard and then felt ashamed of it.",
    "I don't recognise my own life right now.",
    "Found another lie today. Small, but it opened everything back up.",
    "Ate almost nothing. Everything tastes like cardboard.",
    "Couldn't face anyone at the school gate today.",
    "The anniversary. I took the photos down and then put one back up.",
)
_MIXED_NOTES = (
    "Rough morning, better evening. Walked for an hour and that helped.",
    "Told my sister. She didn't ask a single 'why didn't you notice'. Such a relief.",
    "We talked without shouting for once. Still don't know what I want.",
    "Slept six hours. Feels like a luxury.",
    "A memory came back out of nowhere while cooking. I let myself sit down with it.",
    "Wrote a boundary down for the first time. Haven't said it out loud yet.",
    "Some of the day felt almost normal, which was strange in itself.",
    "Therapy today. Heavy, but I left lighter than I arrived.",
)
_LIGHTER_NOTES = (
    "Laughed properly at something on the radio. Hadn't done that in weeks.",
    "I said no to something I didn't want to do, and nothing fell apart.",
    "Went to the pottery class I used to love. My hands remembered.",
    "Noticed I went a whole afternoon without checking anything.",
    "Made plans for myself for the weekend. Just mine.",
    "I'm not fixed, but I'm more me than I was a month ago.",
)


def _clamp(value: float) -> int:
    return max(0, min(SCALE_MAX, round(value)))


def _hard_days(first: date, days: int, rng: random.Random) -> set[date]:
    """Dates that hit hard: monthly marks of the discovery and one anniversary."""
    hard = {first + timedelta(days=offset) for offset in range(30, days, 30)}
    if days > 20:
        hard.add(first + timedelta(days=rng.randrange(10, days)))
    return hard


def _moment(day: date, hour: float, zone: tzinfo) -> datetime:
    minutes = int(hour * 60)
    local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=zone)
    return local.astimezone(UTC)


def _note(heavy: float, rng: random.Random) -> str:
    if heavy >= 6:
        return rng.choice(_HEAVY_NOTES)
    if heavy >= 4:
        return rng.choice(_MIXED_NOTES + _HEAVY_NOTES[:4])
    return rng.choice(_LIGHTER_NOTES + _MIXED_NOTES)


def seed_checkins(user: User, days: int) -> None:
    """Make about one or two check-ins a day for `days` days, ending today."""
    if days <= 0:
        return
    rng = random.Random(f"checkins-{user.pk}")
    # The gaps draw from their own stream, so the story's numbers stay as
    # they were before members could leave a scale alone.
    gaps = random.Random(f"checkin-gaps-{user.pk}")
    zone = user.zone
    now = timezone.now()
    today = local_day(user, now)
    first = today - timedelta(days=days - 1)
    hard = _hard_days(first, days, rng)
    latest = now - timedelta(minutes=1)

    with key_cache():
        own = []
        for name in _OWN_TRIGGERS:
            trigger = OwnTrigger(owner=user, created=now - timedelta(days=days))
            trigger.name = name
            own.append(trigger)
        seal(*own)
        OwnTrigger.objects.bulk_create(own)

        batch: list[CheckIn] = []
        for offset in range(days):
            day = first + timedelta(days=offset)
            progress = offset / max(days - 1, 1)
            # Extra heaviness for the day: weekends, hard dates, random bad days.
            weight = 0.0
            if day.weekday() >= 5:
                weight += 1.0
            if day in hard:
                weight += 3.0
            elif rng.random() < 0.07:
                weight += 2.5
            hours = [rng.uniform(7.0, 9.5)]
            if rng.random() < 0.45:
                hours.append(rng.uniform(20.0, 22.5))
            for index, hour in enumerate(hours):
                values: dict[str, int] = {}
                for name, (start, end) in _ARC.items():
                    centre = start + (end - start) * progress
                    # Evenings come out a touch lighter than mornings.
                    swing = weight - 0.5 * index
                    centre += -swing if name in _HIGHER_IS_BETTER else swing
                    values[name] = _clamp(rng.gauss(centre, 1.1))
                heavy = (
                    (10 - values["mood"]) + values["anxiety"] + (10 - values["self_worth"])
                ) / 3
                # Now and then one scale is left alone, as members do, so the
                # charts show their gaps.
                if gaps.random() < UNRATED_SHARE:
                    del values[gaps.choice(sorted(values))]
                picked = [t for t in COMMON_TRIGGERS if rng.random() < 0.04 + heavy * 0.025]
                if rng.random() < 0.08:
                    picked.append(rng.choice(_OWN_TRIGGERS))
                created = _moment(day, hour, zone)
                if created > latest:
                    # Today's later check-ins have not happened yet; the
                    # first of the day is kept, a minute ago.
                    if index > 0:
                        continue
                    created = latest
                checkin = CheckIn(
                    id=uuid.uuid4(),
                    owner=user,
                    created=created,
                    day=local_day(user, created),
                )
                checkin.scores = values
                checkin.triggers = picked[:4]
                if rng.random() < 0.3 + (0.15 if day in hard else 0):
                    checkin.note = _note(heavy, rng)
                batch.append(checkin)
                if len(batch) >= BATCH:
                    seal(*batch)
                    CheckIn.objects.bulk_create(batch)
                    batch = []
        seal(*batch)
        CheckIn.objects.bulk_create(batch)


def seed(user: User, days: int, today: date) -> None:
    """The demo's check-ins (`reclaim.core.demo` calls this); they end on the member's today."""
    seed_checkins(user, days)
