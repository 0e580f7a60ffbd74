"""How often boundaries held, in calm words and plain numbers.

The counts are kept on each boundary (sealed) and rebuilt whenever its log
changes, so the pages read them without opening every note. A boundary that
did not hold is information, never a failure: nothing here scores, ranks
or warns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

OUTCOMES = (("held", "Held"), ("partly", "Partly held"), ("not", "Did not hold"))
OUTCOME_NAMES = dict(OUTCOMES)
RECENT = 10


def tally(outcomes: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Totals and the last ten, from (ISO day and time, outcome) pairs in any order."""
    ordered = sorted(outcomes, reverse=True)
    counts = Counter(outcome for _, outcome in ordered)
    return {
        "held": counts["held"],
        "partly": counts["partly"],
        "not": counts["not"],
        "recent": [[when, outcome] for when, outcome in ordered[:RECENT]],
    }


@dataclass(frozen=True)
class Summary:
    held: int
    partly: int
    not_held: int
    recent: Sequence[str]  # outcomes, newest first, at most ten

    @property
    def total(self) -> int:
        return self.held + self.partly + self.not_held

    def words(self) -> str:
        """One calm sentence about the most recent times, or the empty state."""
        n = len(self.recent)
        if n == 0:
            return "Not tested yet."
        if n == 1:
            return {
                "held": "Tested once so far, and it held.",
                "partly": "Tested once so far, and it partly held.",
                "not": "Tested once so far, and it did not hold that time.",
            }[self.recent[0]]
        held = self.recent.count("held")
        partly = self.recent.count("partly")
        span = f"the last {n} times" if self.total > n else f"the {n} times so far"
        sentence = f"Held {held} of {span}"
        if partly:
            sentence += f", and partly held {partly} more"
        return sentence + "."


def summary(counts: dict[str, Any] | None) -> Summary:
    counts = counts or {}
    return Summary(
        held=int(counts.get("held", 0)),
        partly=int(counts.get("partly", 0)),
        not_held=int(counts.get("not", 0)),
        recent=[outcome for _, outcome in counts.get("recent", [])],
    )


def overall(all_counts: Iterable[dict[str, Any] | None]) -> Summary:
    """Every boundary together: summed totals, and the last ten times across all of them."""
    held = partly = not_held = 0
    recent: list[tuple[str, str]] = []
    for counts in all_counts:
        counts = counts or {}
        held += int(counts.get("held", 0))
        partly += int(counts.get("partly", 0))
        not_held += int(counts.get("not", 0))
        recent.extend((when, outcome) for when, outcome in counts.get("recent", []))
    recent.sort(reverse=True)
    return Summary(held, partly, not_held, [outcome for _, outcome in recent[:RECENT]])
