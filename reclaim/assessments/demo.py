"""Believable questionnaire history for the demo member and the benchmarks.

The story it tells: low mood and worry ease slowly, well-being rises, and
stress reactions to what happened settle month by month, with the ordinary
ups and downs of real life on top. Nothing here raises the PHQ-9 safety flag,
so the demo never shows a crisis panel nobody asked for.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from . import actions
from .instruments import get
from .models import Result

if TYPE_CHECKING:
    from reclaim.accounts.models import User

# Fifty results over two years: a PCL-5 every month, the others every few months.
DEFAULT_COUNTS: dict[str, int] = {"phq9": 10, "gad7": 8, "who5": 8, "pcl5": 24}

# Where each story starts and ends, as a share of the way up the scored
# range (after reversal): a falling share is an easing for PHQ-9, GAD-7,
# PCL-5 and DAR-5, and a rising one is growth for the others.
_STORY: dict[str, tuple[float, float]] = {
    "phq9": (0.62, 0.22),
    "gad7": (0.66, 0.25),
    "pcl5": (0.55, 0.2),
    "who5": (0.25, 0.68),
    "scs_sf": (0.3, 0.6),
    "rses": (0.4, 0.7),
    "brs": (0.35, 0.6),
    "dar5": (0.5, 0.2),
}
# Items kept at their lowest value in the demo (PHQ-9 item 9: see the module note).
_HELD_LOW = {"phq9": {9}}


def _answers_for(code: str, target_share: float, rng: random.Random) -> list[int]:
    """Raw answers whose sum after reversal lands near ``target_share`` of the range."""
    instrument = get(code)
    low, high = instrument.min_value, instrument.max_value
    held = _HELD_LOW.get(code, set())
    # Per-item target on the scored (after reversal) scale, with a little noise each.
    scored: dict[int, int] = {}
    for item in instrument.items:
        if item.number in held:
            scored[item.number] = low
            continue
        wobble = rng.uniform(-0.2, 0.2)
        value = low + (high - low) * min(1.0, max(0.0, target_share + wobble))
        scored[item.number] = max(low, min(high, round(value)))
    # Turn the scored values back into raw answers for reversed items.
    return [
        (low + high - scored[item.number]) if item.reverse else scored[item.number]
        for item in instrument.items
    ]


def seed_results(
    user: User,
    count_per_code: dict[str, int] | None = None,
    days: int = 730,
    *,
    seed: int = 7,
    now: datetime | None = None,
) -> list[Result]:
    """Make believable results for ``user`` spread over the last ``days`` days.

    ``count_per_code`` defaults to fifty results (PHQ-9, GAD-7 and WHO-5 every
    few months, PCL-5 monthly). Saved through the ordinary action, so they are
    scored and sealed exactly like a member's own.
    """
    counts = DEFAULT_COUNTS if count_per_code is None else count_per_code
    rng = random.Random(f"{seed}-{user.pk}")
    end = now or timezone.now()
    start = end - timedelta(days=days)
    made: list[Result] = []
    for code, count in counts.items():
        get(code)  # An unknown code fails here, before anything is saved.
        first, last = _STORY.get(code, (0.5, 0.5))
        for index in range(count):
            progress = index / max(1, count - 1)
            share = first + (last - first) * progress + rng.uniform(-0.06, 0.06)
            moment = start + (end - start) * ((index + 0.5) / count)
            moment += timedelta(hours=rng.randint(-36, 36))
            answers = _answers_for(code, share, rng)
            made.append(actions.do_save_result(user, code, answers, taken=min(moment, end)))
    return made


# The demo member took each questionnaire a few times within the demo's days.
DEMO_COUNTS: dict[str, int] = {"phq9": 5, "gad7": 5, "who5": 5, "pcl5": 3}


def seed(user: User, days: int, today: date) -> None:
    """The demo's questionnaire results (`reclaim.core.demo` calls this), up to now."""
    seed_results(user, DEMO_COUNTS, days=days)
