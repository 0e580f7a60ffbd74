"""Reading a member's strengths, accomplishments and evidence.

Every page reads a fixed number of rows (the newest few and a count), so a
long history costs no more than a short one. Nothing here reads more than
one member's rows.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.core.paginator import Page
from django.db.models import Count, Q, QuerySet

from reclaim.vault.fields import open_row, open_rows, page_of

from .models import ACCOMPLISHMENT, STRENGTH, Evidence, Item

if TYPE_CHECKING:
    from reclaim.accounts.models import User

SHOWN = 20


@dataclass
class Inventory:
    strengths: list[Item]
    accomplishments: list[Item]
    strength_count: int
    accomplishment_count: int


def items_of(user: User, kind: str) -> QuerySet[Item]:
    return Item.objects.filter(owner=user, kind=kind).order_by("-created")


def evidence_of(user: User) -> QuerySet[Evidence]:
    return Evidence.objects.filter(owner=user).order_by("-day", "-created")


def inventory(user: User, shown: int = SHOWN) -> Inventory:
    """The newest strengths and accomplishments, with how many there are of each."""
    counts = Item.objects.filter(owner=user).aggregate(
        strengths=Count("id", filter=Q(kind=STRENGTH)),
        accomplishments=Count("id", filter=Q(kind=ACCOMPLISHMENT)),
    )
    return Inventory(
        strengths=open_rows(items_of(user, STRENGTH)[:shown]),
        accomplishments=open_rows(items_of(user, ACCOMPLISHMENT)[:shown]),
        strength_count=counts["strengths"],
        accomplishment_count=counts["accomplishments"],
    )


def recent_evidence(user: User, shown: int = SHOWN) -> list[Evidence]:
    return open_rows(evidence_of(user)[:shown])


def items_page(user: User, kind: str, number: object, per_page: int) -> Page[Item]:
    return page_of(items_of(user, kind), number, per_page)


def evidence_page(user: User, number: object, per_page: int) -> Page[Evidence]:
    return page_of(evidence_of(user), number, per_page)


def evidence_count(user: User) -> int:
    """How many pieces of evidence the member has kept (for other apps, e.g. the check-in)."""
    return Evidence.objects.filter(owner=user).count()


def _daily_pick(user: User, today: date, count: int) -> int:
    # A hash, not random(): the same piece all day, a different one tomorrow,
    # and the same in every process.
    seed = hashlib.sha256(f"{user.pk}:{today.isoformat()}".encode()).digest()
    return int.from_bytes(seed[:8], "big") % count


def reminder(user: User, today: date) -> Evidence | None:
    """One earlier piece of evidence (from before today), the same one all day."""
    earlier = Evidence.objects.filter(owner=user, day__lt=today)
    count = earlier.count()
    # The second read happens even when there is nothing to pick, so the
    # page costs the same number of queries for a new and a long-time member.
    index = _daily_pick(user, today, count) if count else 0
    return open_row(earlier.order_by("day", "created", "id")[index : index + 1].first())


def owned_evidence(user: User) -> QuerySet[Evidence]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Evidence.objects.filter(owner=user)


def owned_items(user: User) -> QuerySet[Item]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Item.objects.filter(owner=user)
