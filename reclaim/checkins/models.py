"""The daily check-in: five numbers, the triggers of the day and a note.

Everything the member tells us here is sealed with their key: the five
numbers (how low, how angry, how anxious, how they slept, how they see
themselves) are health data as much as the note is. Only the moment and the
member's day stay plain, because every page asks the database for "this
member's check-ins between these days, newest first"; they say that the
member checked in, not how they were. Averages are taken in Python after
opening the numbers (see queries.daily_means).

A scale the member leaves alone is "not rated": it has no value at all (no
key in the sealed `scores`, None when read), never a made-up middle. Every
average skips it, and charts leave a gap for it.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from django.conf import settings
from django.db import models
from django.utils import timezone

from reclaim.vault.fields import Sealed

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

SCALE_MAX = 10
NOTE_MAX_LENGTH = 10_000
TRIGGER_MAX_LENGTH = 60
# A few new triggers at a time, and a list of one's own that still fits on
# the check-in page: past these the chips stop being a quick choice.
NEW_TRIGGERS_PER_CHECKIN = 10
OWN_TRIGGERS_MAX = 100


class Scale(NamedTuple):
    """One of the five check-in scales, with the words at each end of its row of numbers."""

    name: str
    label: str
    low: str
    high: str
    higher_is_better: bool
    # Where space is short (a chart's direct label, a history line) the
    # form's longer wording would not fit: "Anxiety or racing thoughts".
    short: str


# The order here is the order of the scales on the form and of the columns
# in the history. `higher_is_better` tells charts and suggestions which way
# is "easier": a high mood is good, a high anger is heavy.
SCALES: tuple[Scale, ...] = (
    Scale("mood", "Mood", "Very low", "Really good", True, "Mood"),
    Scale("anger", "Anger", "Calm", "Furious", False, "Anger"),
    Scale("anxiety", "Anxiety or racing thoughts", "Settled", "Racing", False, "Anxiety"),
    Scale("sleep", "Sleep last night", "Hardly slept", "Slept well", True, "Sleep"),
    Scale("self_worth", "Self-worth", "Very low", "I know my worth", True, "Self-worth"),
)
SCALE_NAMES: tuple[str, ...] = tuple(scale.name for scale in SCALES)
# How a scale the member left alone reads wherever a number would stand.
NOT_RATED = "not rated"
# The longest the five numbers can be as JSON (all of them 10), so every
# sealed `scores` has the same length, however many are rated.
SCORES_PADDED_LENGTH = len(json.dumps(dict.fromkeys(SCALE_NAMES, SCALE_MAX), separators=(",", ":")))

# Offered as chips on every check-in. Members add their own beside these.
COMMON_TRIGGERS: tuple[str, ...] = (
    "Their phone",
    "A memory came back",
    "Something they said",
    "Social media",
    "Bedtime",
    "Anniversaries or dates",
    "Being alone",
    "Seeing them with others",
    "Intimacy",
    "Lies or secrets",
    "A song or a place",
)


def local_day(owner: User, moment: datetime | None = None) -> date:
    """The member's own calendar date at `moment` (now if not given).

    A check-in at 00:30 in Auckland belongs to the Auckland day, whatever
    the server's clock says.
    """
    return timezone.localtime(moment or timezone.now(), owner.zone).date()


# Each scale reads and writes its number inside the sealed `scores`, so
# `checkin.mood` and `CheckIn(mood=6, ...)` work as they did when the numbers
# had columns of their own. Writing one number seals all five again; writing
# None makes that scale not rated.
def _scale_property(name: str) -> property:
    def get(checkin: CheckIn) -> int | None:
        return (checkin.scores or {}).get(name)

    def set_(checkin: CheckIn, value: int | None) -> None:
        others = {key: v for key, v in (checkin.scores or {}).items() if key != name}
        checkin.scores = others if value is None else {**others, name: value}

    return property(get, set_, doc=f"The check-in's {name} (0-{SCALE_MAX}), sealed in `scores`.")


class CheckIn(models.Model):
    # Set on the saved row by the action that wrote it (not stored here): the
    # moment of risk heard in what the member wrote, for the view to show the
    # safety panel.
    risk_event: RiskEvent | None

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    created = models.DateTimeField(default=timezone.now)
    # Kept beside `created` because the member's day is the unit of every
    # chart and summary, and the time zone they were in at the moment is
    # what made it that day (it may change later when they travel).
    day = models.DateField()

    # The rated numbers as one JSON object, {"mood": 6, "anger": 3, ...}
    # (a scale not rated has no key), padded so the ciphertext's length does not tell how many are a 10.
    # The database cannot check their range any more; actions._clean does.
    scores_sealed = models.BinaryField(null=True)
    scores = Sealed("json", pad_to=SCORES_PADDED_LENGTH)
    mood = _scale_property("mood")
    anger = _scale_property("anger")
    anxiety = _scale_property("anxiety")
    sleep = _scale_property("sleep")
    self_worth = _scale_property("self_worth")

    note_sealed = models.BinaryField(null=True)
    note = Sealed()
    # A list of trigger names, common and own, in the order they were chosen.
    triggers_sealed = models.BinaryField(null=True)
    triggers = Sealed("json")

    class Meta:
        ordering = ["-created"]
        indexes = [
            models.Index(fields=["owner", "day"], name="checkin_owner_day"),
            models.Index(fields=["owner", "created"], name="checkin_owner_created"),
        ]

    def __str__(self) -> str:
        # Never the note: strings of models end up in logs and the admin.
        return f"Check-in {self.id} on {self.day}"

    @property
    def scale_values(self) -> dict[str, int | None]:
        """Every scale's number, None for a scale not rated."""
        scores = self.scores or {}
        return {name: scores.get(name) for name in SCALE_NAMES}

    def scale_texts(self) -> list[tuple[Scale, str]]:
        """Each scale with its number as shown, or "not rated"."""
        values = self.scale_values
        return [
            (scale, NOT_RATED if values[scale.name] is None else str(values[scale.name]))
            for scale in SCALES
        ]


class OwnTrigger(models.Model):
    """A trigger a member named in their own words, offered again next time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="own_triggers"
    )
    name_sealed = models.BinaryField(null=True)
    name = Sealed()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created"]
        indexes = [models.Index(fields=["owner", "created"], name="owntrigger_owner_created")]

    def __str__(self) -> str:
        return f"Own trigger {self.id}"
