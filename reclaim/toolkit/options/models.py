"""Dated snapshots of how a member sees their options.

One snapshot holds the four paths (work on the relationship, take space,
separate, undecided), each with the member's words and how drawn to it
they feel. All of it, the numbers too, is sealed in one json field: which
way someone leans is as private as anything they write.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed


@dataclass(frozen=True)
class Path:
    code: str
    name: str  # as the member reads it
    short: str  # for a table column or a chart line
    blurb: str


PATHS: tuple[Path, ...] = (
    Path(
        "work",
        "Work on the relationship",
        "Work on it",
        "Staying, and rebuilding together, if both of you are willing.",
    ),
    Path(
        "space",
        "Take space",
        "Space",
        "Time apart, or a pause, to see more clearly before anything is decided.",
    ),
    Path(
        "separate",
        "Separate",
        "Separate",
        "Ending the relationship, or living apart for good.",
    ),
    Path(
        "undecided",
        "Undecided",
        "Undecided",
        "Not knowing yet, and letting that be where you are for now.",
    ),
)
PATH_CODES = tuple(path.code for path in PATHS)

# What the member can write about each path, in the order the form asks.
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("values", "How it fits my values"),
    ("need", "What I would need to see"),
    ("pros", "Pros: what speaks for it"),
    ("cons", "Cons: what speaks against it"),
    ("step", "A next small step"),
)
QUESTION_CODES = tuple(code for code, _ in QUESTIONS)


@dataclass(frozen=True)
class PathView:
    """One path as the member saw it in a snapshot."""

    path: Path
    drawn: int | None
    answers: list[tuple[str, str]]  # (question, the member's words), only those with words


class Snapshot(OwnedRecord):
    # {path code: {"drawn": 0-10 or None, question code: "words", ...}}
    view_sealed = models.BinaryField(null=True)
    view = Sealed("json")

    class Meta(OwnedRecord.Meta):
        indexes = [models.Index(fields=["owner", "created"], name="options_snap_owner_created")]

    def drawn(self, code: str) -> int | None:
        value = (self.view or {}).get(code, {}).get("drawn")
        return value if isinstance(value, int) else None

    def words(self, code: str, question: str) -> str:
        return str((self.view or {}).get(code, {}).get(question, "") or "")

    @property
    def paths(self) -> list[PathView]:
        return [
            PathView(
                path=path,
                drawn=self.drawn(path.code),
                answers=[
                    (label, self.words(path.code, q))
                    for q, label in QUESTIONS
                    if self.words(path.code, q)
                ],
            )
            for path in PATHS
        ]
