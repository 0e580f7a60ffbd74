"""Which literal strings must appear in any match of a regular expression.

The detector has well over a hundred patterns. On a very long text, running
each of them over every sentence is what costs time, yet most sentences
cannot match most patterns: "he choked me" cannot match without "choked".
`necessary_literals` reads a pattern's parse tree and returns a set of
strings such that every match contains at least one of them, or None when
no such set can be found. The engine then only runs a pattern on sentences
that contain one of its strings. The result is exact, not a guess: a
pattern is never skipped on a sentence it could match.
"""

from __future__ import annotations

from functools import lru_cache

# Python 3.11+ keeps the regular-expression parser here (`sre_parse` is a
# deprecated alias). typeshed has no stubs for these private modules.
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | (
    {_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set()
)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)

# Words so frequent that a set made of them filters almost nothing; a set of
# rarer words is preferred when a pattern offers a choice.
# fmt: off
_COMMON = frozenset({
    "i", "me", "my", "he", "she", "they", "him", "her", "them", "the", "a", "an",
    "to", "and", "it", "is", "of", "you", "that", "in", "was", "for", "on", "not",
    "be", "have", "with", "this", "but", "at", "so", "do", "would", "will", "can", "about",
    "all", "just", "if", "what", "when", "like", "am", "are", "been", "has", "had", "did",
    "does", "we", "our", "his", "their", "there", "no",
})
# fmt: on


def _weight(literal: str) -> float:
    word = literal.strip()
    if not word:
        return 0.0
    if word in _COMMON:
        return 0.5
    return float(len(word))


def _score(options: frozenset[str]) -> tuple[float, int]:
    return (min(_weight(x) for x in options), -len(options))


def _sequence(items: object) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:  # type: ignore[attr-defined]
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        found: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            found = _sequence(av[-1])
        elif op is _c.BRANCH:
            found = _branch(av[1])
        elif op in _REPEATS:
            low, _high, inner = av
            if low >= 1:
                found = _sequence(inner)
        elif _ATOMIC is not None and op is _ATOMIC:
            found = _sequence(av)
        # Anchors, classes, look-arounds and "any" add nothing certain.
        if found:
            options.append(found)
    flush()
    options = [o for o in options if _score(o)[0] > 0]
    if not options:
        return None
    return max(options, key=_score)


def _branch(alternatives: list[object]) -> frozenset[str] | None:
    union: set[str] = set()
    for alternative in alternatives:
        found = _sequence(alternative)
        if found is None:
            return None
        union |= found
    return frozenset(union)


@lru_cache(maxsize=1024)
def necessary_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of `pattern` contains at least one, or None."""
    return _sequence(_p.parse(pattern))
