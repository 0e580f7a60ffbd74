"""What the safety screens keep: moments of risk the member lived through, and their plan.

Both are the member's own record. What they wrote stays where they wrote it; a
RiskEvent keeps only where it came from ("journal"), how serious it looked, and,
sealed, what kind of risk it was and why, because even that reveals what was written.
"""

from __future__ import annotations

import uuid
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils import timezone

from reclaim.vault.fields import Sealed

LEVELS = [("elevated", "Elevated"), ("urgent", "Urgent")]


class Section(NamedTuple):
    key: str
    title: str
    help: str


#: The sections of a safety plan, in the order they are filled in and printed. The
#: order follows the usual shape of such plans: notice, cope alone, be with others,
#: ask for help, reach professionals, make things safer, remember why.
SECTIONS: tuple[Section, ...] = (
    Section(
        "warning_signs",
        "My warning signs",
        "Thoughts, feelings or moments that tell you things are getting heavier. "
        "For example: not sleeping, reading old messages again, pulling away from people.",
    ),
    Section(
        "on_my_own",
        "Things I can do on my own to feel a little better",
        "Small things that have helped before, even a little: a walk, a shower, "
        "a song, holding something cold.",
    ),
    Section(
        "distractions",
        "People and places that take my mind off things",
        "A friend for a coffee, a park, a library, somewhere with people around.",
    ),
    Section(
        "people",
        "People I can ask for help",
        "A name and how to reach them, one person per line. For example: Sam 07700 900123.",
    ),
    Section(
        "professionals",
        "Professionals and services",
        "Your doctor or therapist, and the helplines. We filled in the helplines "
        "for your country; change anything you like.",
    ),
    Section(
        "surroundings",
        "Making my surroundings safer",
        "Things you could put away, lock up or ask someone to keep for a while, "
        "and who could help with that.",
    ),
    Section(
        "reasons",
        "My reasons to keep going",
        "People, animals, plans, things you still want to see or do. Small reasons count.",
    ),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)


class RiskEvent(models.Model):
    """One time something the member wrote (or answered) suggested they were at risk."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="risk_events"
    )
    created = models.DateTimeField(default=timezone.now)
    # A short code naming the feature ("journal", "checkin", "assessment"), never text.
    source = models.CharField(max_length=32)
    level = models.CharField(max_length=16, choices=LEVELS)
    # {"categories": [...], "reasons": [...]}
    categories_sealed = models.BinaryField(null=True)
    categories = Sealed("json")
    acknowledged = models.DateTimeField(null=True, blank=True)
    # {"thinking": "yes"|"no"|"unsure"|"", "safe": "yes"|"no"|"", "answered": iso time}
    safety_check_sealed = models.BinaryField(null=True)
    safety_check = Sealed("json")

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["owner", "-created"])]

    @property
    def category_set(self) -> frozenset[str]:
        return frozenset((self.categories or {}).get("categories", ()))

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple((self.categories or {}).get("reasons", ()))


class SafetyPlan(models.Model):
    """The member's plan for hard moments: seven sections, one item per line, sealed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan"
    )
    # {"warning_signs": ["...", ...], "on_my_own": [...], ...}; see SECTIONS.
    sections_sealed = models.BinaryField(null=True)
    sections = Sealed("json")
    updated = models.DateTimeField(auto_now=True)

    def items(self, key: str) -> list[str]:
        """The lines of one section; empty when the section was left blank."""
        return list((self.sections or {}).get(key, []))

    @property
    def is_empty(self) -> bool:
        return not any(self.items(key) for key in SECTION_KEYS)
