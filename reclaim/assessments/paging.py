"""Taking a questionnaire a page at a time, as plain functions with no request in sight.

A questionnaire is split into short pages. The member's answers are kept as
they go (every post saves what it carries, whatever happens next), so this
module only decides: which page to show, which answers a post carries, and
where the member goes after a post. The view reads the request, saves
through the actions, and turns a `Step` into a page or a redirect.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .instruments import Instrument

# Short pages keep a long questionnaire calm on a phone: at most this many
# questions at a time, spread evenly (PHQ-9 as 5 + 4, not 5 + 4 + 0).
MOST_PER_PAGE = 5


def page_ranges(item_count: int) -> list[range]:
    """The item numbers on each page, e.g. 9 items -> [range(1, 6), range(6, 10)].

    As few pages as the most per page allows, their lengths differing by at
    most one and the longer ones first (21 items as 5 + 4 + 4 + 4 + 4, never
    5 + 5 + 5 + 5 + 1).
    """
    pages = max(1, math.ceil(item_count / MOST_PER_PAGE))
    shorter, longer_pages = divmod(item_count, pages)
    ranges = []
    start = 1
    for index in range(pages):
        size = shorter + 1 if index < longer_pages else shorter
        ranges.append(range(start, start + size))
        start += size
    return ranges


def answers_from_post(
    instrument: Instrument, data: Mapping[str, str], numbers: Iterable[int]
) -> dict[int, int]:
    """The valid answers among ``numbers`` in posted data (fields ``q1``, ``q2`` …).

    Anything that is not one of the instrument's answer values is treated as
    not answered, so the member is simply asked again.
    """
    allowed = {str(option.value): option.value for option in instrument.options}
    answers: dict[int, int] = {}
    for number in numbers:
        raw = (data.get(f"q{number}") or "").strip()
        if raw in allowed:
            answers[number] = allowed[raw]
    return answers


class Go(StrEnum):
    """What the member asked for with the button they pressed (the ``go`` field)."""

    NEXT = "next"
    BACK = "back"
    LATER = "later"
    # The page's script (assessments/keep.js) sends this when the member taps
    # away in the middle of a page: the answers are kept, nothing else.
    KEEP = "keep"

    @classmethod
    def parse(cls, raw: str | None) -> Go:
        """An unknown or missing value means "next", the form's main button."""
        try:
            return cls(raw or cls.NEXT)
        except ValueError:
            return cls.NEXT


class Move(StrEnum):
    """Where a post leads."""

    KEPT = "kept"  # Answers kept; nothing to show (the member already left).
    SHOW = "show"  # Show the same page again (a question or the note needs another look).
    PAGE = "page"  # Go to another page of the questionnaire.
    LATER = "later"  # Leave for now; everything so far is kept.
    FINISH = "finish"  # Every page is complete: score it.


@dataclass(frozen=True)
class Step:
    move: Move
    page: int
    # The questions on the shown page that still need an answer.
    missing: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class Paging:
    """The pages of one questionnaire and the way through them."""

    pages: tuple[range, ...]

    @classmethod
    def for_items(cls, item_count: int) -> Paging:
        return cls(tuple(page_ranges(item_count)))

    @property
    def count(self) -> int:
        return len(self.pages)

    def items_on(self, page: int) -> range:
        return self.pages[page - 1]

    def is_last(self, page: int) -> bool:
        return page == self.count

    def page_from(self, raw: str | None) -> int | None:
        """The page a request names, or None when it names no page that exists."""
        try:
            page = int(raw or "")
        except ValueError:
            return None
        return page if 1 <= page <= self.count else None

    def first_open(self, saved: Mapping[int, int]) -> int:
        """Where a member coming back carries on: the first page with a question unanswered."""
        for page, numbers in enumerate(self.pages, start=1):
            if any(number not in saved for number in numbers):
                return page
        return self.count

    def page_of(self, item: int) -> int:
        """The page a question is on (the first page for a number that is on none)."""
        for page, numbers in enumerate(self.pages, start=1):
            if item in numbers:
                return page
        return 1

    def missing(self, page: int, saved: Mapping[int, int]) -> tuple[int, ...]:
        return tuple(number for number in self.items_on(page) if number not in saved)

    def after_post(self, page: int, go: Go, saved: Mapping[int, int], *, note_ok: bool) -> Step:
        """Where the member goes after posting ``page``, once its answers are in ``saved``.

        Going back or leaving for later never asks for missing answers; going
        on does. A note that could not be kept shows the page again whatever
        was asked for, so not one typed word is lost.
        """
        if go is Go.KEEP:
            return Step(Move.KEPT, page)
        if not note_ok:
            return Step(Move.SHOW, page)
        if go is Go.BACK and page > 1:
            return Step(Move.PAGE, page - 1)
        if go is Go.LATER:
            return Step(Move.LATER, page)
        missing = self.missing(page, saved)
        if missing:
            return Step(Move.SHOW, page, missing)
        if not self.is_last(page):
            return Step(Move.PAGE, page + 1)
        return Step(Move.FINISH, page)


def worth_saving(posted: Mapping[int, int], note: str | None, *, started: bool) -> bool:
    """Whether a post changes what is kept.

    A post with answers or a note is kept. An emptied note (``""``, not
    ``None``, which means no note was sent or it could not be kept) is kept
    only when something was already started, so it can clear an earlier note
    without starting an empty questionnaire.
    """
    return bool(posted) or bool(note) or (started and note is not None)
