"""Paced-breathing rhythms and the written guide that works without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    code: str
    breathe_in: int  # seconds
    hold: int  # seconds, 0 for none
    breathe_out: int  # seconds

    @property
    def seconds(self) -> int:
        return self.breathe_in + self.hold + self.breathe_out

    @property
    def label(self) -> str:
        hold = f", hold {self.hold}" if self.hold else ""
        return f"In {self.breathe_in}{hold}, out {self.breathe_out}"


# A longer breath out than in is what settles the body; the hold is optional.
PATTERNS = (
    Pattern("4-6", 4, 0, 6),
    Pattern("4-2-6", 4, 2, 6),
    Pattern("5-5", 5, 0, 5),
)
MINUTES = (1, 2, 3, 5)
DEFAULT_MINUTES = 2


def get_pattern(code: str | None) -> Pattern:
    return next((p for p in PATTERNS if p.code == code), PATTERNS[0])


def get_minutes(value: str | None) -> int:
    try:
        minutes = int(value or DEFAULT_MINUTES)
    except ValueError:
        return DEFAULT_MINUTES
    return minutes if minutes in MINUTES else DEFAULT_MINUTES


def count(seconds: int) -> str:
    """A slow count to read along with: "1, 2, 3, 4"."""
    return ", ".join(str(n) for n in range(1, seconds + 1))


def guide(pattern: Pattern, minutes: int) -> list[int]:
    """The numbers of the breaths that fill the chosen minutes (at least one)."""
    return list(range(1, max(1, round(minutes * 60 / pattern.seconds)) + 1))
