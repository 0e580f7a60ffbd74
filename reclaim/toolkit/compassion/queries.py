"""Reading a member's saved breaks: a fixed number of rows and a count per page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.paginator import Page
from django.db.models import QuerySet

from reclaim.core.numbers import long_day
from reclaim.toolkit.shareable import Shown
from reclaim.vault.fields import open_rows, page_of

from .models import Break
from .steps import STEPS

if TYPE_CHECKING:
    from reclaim.accounts.models import User


def breaks_of(user: User) -> QuerySet[Break]:
    return Break.objects.filter(owner=user).order_by("-created")


def recent_breaks(user: User, n: int = 5) -> list[Break]:
    return open_rows(breaks_of(user)[:n])


def breaks_page(user: User, number: object, per_page: int) -> Page[Break]:
    return page_of(breaks_of(user), number, per_page)


def break_count(user: User) -> int:
    return breaks_of(user).count()


def owned_breaks(user: User) -> QuerySet[Break]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Break.objects.filter(owner=user)


def shown(row: Break) -> Shown:
    """A break as a practitioner the member shares it with reads it."""
    return Shown(
        f"A self-compassion break, {long_day(row.day)}",
        [(step.title, getattr(row, step.field)) for step in STEPS],
    )
