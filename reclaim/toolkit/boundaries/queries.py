"""Reading a member's boundaries and their logs.

Lists load one member's rows in one query and open only what the page
shows; how often each boundary held is read from its sealed tally, never by
opening its whole log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reclaim.toolkit.shareable import Shown
from reclaim.toolkit.values import queries as values
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_row, open_rows

from .held import Summary, overall, summary
from .models import Boundary, Occasion

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from reclaim.accounts.models import User

LOG_SHOWN = 20


@dataclass(frozen=True)
class Listed:
    boundary: Boundary
    held: Summary
    value_name: str


def boundaries_of(user: User) -> list[Listed]:
    """Every boundary of the member, newest first, with its value and how often it held."""
    with key_cache():
        rows = open_rows(Boundary.objects.filter(owner=user).order_by("-created"))
        return [Listed(row, summary(row.tally), value_name(row.value)) for row in rows]


def held_overall(listed: list[Listed]) -> Summary:
    return overall(item.boundary.tally for item in listed)


def value_choices(user: User) -> tuple[list[tuple[str, str, str]], bool]:
    """The values a boundary can protect: the member's five, or a few plain
    ones before they have sorted (the second item says which)."""
    five = values.current_top_five(user)
    return (five, True) if five else (values.plain_defaults(), False)


def value_name(code: str) -> str:
    return values.value_name(code)


def log_of(boundary: Boundary, n: int = LOG_SHOWN) -> tuple[list[Occasion], int]:
    """The newest times the boundary was tested, and how many there are in all."""
    with key_cache():
        shown = open_rows(boundary.occasions.order_by("-day", "-created")[:n])
    return shown, boundary.occasions.count()


def owned_boundaries(user: User) -> QuerySet[Boundary]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Boundary.objects.filter(owner=user)


def owned_occasions(user: User) -> QuerySet[Occasion]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Occasion.objects.filter(owner=user)


def boundary_of(occasion: Occasion) -> Boundary:
    """The boundary a logged occasion belongs to, opened."""
    return open_row(occasion.boundary)


def shown(boundary: Boundary) -> Shown:
    """A boundary as a practitioner the member shares it with reads it."""
    return Shown(
        boundary.title,
        [
            ("The behaviour I will not accept", boundary.behaviour),
            ("The value it protects", value_name(boundary.value)),
            ("What I need", boundary.need),
            ("What I will do if it happens again", boundary.action),
            ("My words to say or send", boundary.script),
        ],
    )
