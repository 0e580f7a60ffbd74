"""What the safety screens keep: moments of risk the member lived through, and their plan.

Both are the member's own record. What they wrote stays where they wrote it. A
RiskEvent keeps, sealed with the member's key, everything it says: when it
happened, where it came from ("journal"), how serious it looked, what kind of risk
it was and why, and how the member answered. Only the owner and a random id stay
in plain columns, because a stolen database must not show when someone was in
crisis. A member has few events, so they are ordered and filtered in Python after
opening (see queries.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.db import models

from reclaim.vault.fields import Sealed


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
    """One time something the member wrote (or answered) suggested they were at risk.

    Read ``level``, ``source``, ``item``, ``created``, ``category_set``, ``reasons``,
    ``acknowledged`` and ``safety_check`` like fields; they open the sealed columns
    (once per instance). Change an event only through actions.py.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="risk_events"
    )
    # Written once: {"created": iso time, "source": "journal", "level": "urgent",
    # "categories": [...], "reasons": [...], "item": the key of the row the words
    # were saved in, or null}. The source is a short code, never text.
    details_sealed = models.BinaryField(null=True)
    details = Sealed("json")
    # Null until the member answers; then {"acknowledged": iso time, and, after the
    # safety check, "thinking": "yes"|"no"|"unsure"|"", "safe": "yes"|"no"|"",
    # "answered": iso time}.
    answer_sealed = models.BinaryField(null=True)
    answer = Sealed("json")

    def _detail(self, key: str, default: Any = None) -> Any:
        return (self.details or {}).get(key, default)

    @property
    def item(self) -> str | None:
        return self._detail("item")

    @property
    def level(self) -> str:
        return self._detail("level", "")

    @property
    def source(self) -> str:
        return self._detail("source", "")

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self._detail("created"))

    @property
    def category_set(self) -> frozenset[str]:
        return frozenset(self._detail("categories", ()))

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(self._detail("reasons", ()))

    @property
    def acknowledged(self) -> datetime | None:
        moment = (self.answer or {}).get("acknowledged")
        return datetime.fromisoformat(moment) if moment else None

    @property
    def safety_check(self) -> dict[str, str] | None:
        """The answers to the short safety check, or None if it was not answered."""
        answer = self.answer or {}
        if "answered" not in answer:
            return None
        return {key: answer.get(key, "") for key in ("thinking", "safe", "answered")}


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
