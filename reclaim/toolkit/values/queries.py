"""Reading a member's values, for this tool's pages and for other tools.

Other tools (boundaries, clarity on options) read a member's values only
through `current_top_five` and `plain_defaults`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from reclaim.core.numbers import long_day
from reclaim.toolkit.shareable import Shown
from reclaim.vault.fields import open_row, open_rows

from .catalog import get_value, name_of
from .models import Sort

if TYPE_CHECKING:
    from reclaim.accounts.models import User

HISTORY = 20

# What other tools offer before the member has sorted their values.
DEFAULTS = ("respect", "honesty", "self-respect", "calm", "trust")


def sorts_of(user: User) -> QuerySet[Sort]:
    return Sort.objects.filter(owner=user).order_by("-created")


def latest_sort(user: User) -> Sort | None:
    return open_row(sorts_of(user).first())


def recent_sorts(user: User, n: int = HISTORY) -> list[Sort]:
    """The member's newest sorts, in one query, opened in one key unwrap."""
    return open_rows(sorts_of(user)[:n])


def count_sorts(user: User) -> int:
    return sorts_of(user).count()


def current_top_five(user: User) -> list[tuple[str, str, str]]:
    """The member's latest top five as (code, name, their own words); empty before a sort."""
    sort = latest_sort(user)
    if sort is None:
        return []
    return [(item["code"], item["name"], item["words"]) for item in sort.chosen]


def plain_defaults() -> list[tuple[str, str, str]]:
    """A few plain values to offer before the member has sorted their own."""
    return [(code, name_of(code), "") for code in DEFAULTS if get_value(code)]


def value_name(code: str) -> str:
    """The name of a value by its code, or an empty string."""
    return name_of(code)


def owned_sorts(user: User) -> QuerySet[Sort]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Sort.objects.filter(owner=user)


def shown(sort: Sort) -> Shown:
    """A values sort as a practitioner the member shares it with reads it."""
    return Shown(
        f"Five values, {long_day(sort.day)}",
        [(item["name"], item["words"] or "No words added.") for item in sort.chosen],
    )
