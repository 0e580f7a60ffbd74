"""Reading a member's practice and their log of real ones.

Sealed words cannot be filtered by the database, so pages load a fixed
number of rows (the newest few, or one page) and a count: the cost of a
page does not grow with the member's history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.paginator import Page
from django.db.models import QuerySet

from reclaim.toolkit.shareable import Shown
from reclaim.vault.fields import open_rows, page_of

from .models import Practice, RealNo
from .scenarios import get_scenario, title_of

if TYPE_CHECKING:
    from reclaim.accounts.models import User


def practice_of(user: User) -> QuerySet[Practice]:
    return Practice.objects.filter(owner=user).order_by("-created")


def real_nos_of(user: User) -> QuerySet[RealNo]:
    return RealNo.objects.filter(owner=user).order_by("-day", "-created")


def recent_practice(user: User, n: int = 5) -> list[Practice]:
    return open_rows(practice_of(user)[:n])


def recent_real_nos(user: User, n: int = 5) -> list[RealNo]:
    return open_rows(real_nos_of(user)[:n])


def practice_page(user: User, number: object, per_page: int) -> Page[Practice]:
    return page_of(practice_of(user), number, per_page)


def real_nos_page(user: User, number: object, per_page: int) -> Page[RealNo]:
    return page_of(real_nos_of(user), number, per_page)


def counts(user: User) -> dict[str, int]:
    """How many practice replies and real ones the member has kept."""
    return {
        "practice": practice_of(user).count(),
        "real": real_nos_of(user).count(),
    }


def owned_practice(user: User) -> QuerySet[Practice]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Practice.objects.filter(owner=user)


def owned_real_nos(user: User) -> QuerySet[RealNo]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return RealNo.objects.filter(owner=user)


def shown(practice: Practice) -> Shown:
    """A practised no as a practitioner the member shares it with reads it."""
    scenario = get_scenario(practice.scenario)
    return Shown(
        title_of(practice.scenario),
        [
            ("About", practice.moment),
            ("They say", scenario.they_say if scenario else ""),
            ("What I would say", practice.draft),
        ],
    )
