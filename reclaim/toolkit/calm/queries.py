"""Reading the calm tool: a fixed handful of queries, whatever the history.

Lists show dates only, never a thought's words, so a glance at a shared
screen shows nothing and the main page opens no sealed text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from reclaim.core.numbers import long_day
from reclaim.toolkit.shareable import Shown
from reclaim.vault.fields import open_row

from . import when
from .models import CalmSettings, Grounding, Thought

if TYPE_CHECKING:
    import uuid

    from django.db.models import QuerySet

    from reclaim.accounts.models import User

SHOWN = 20
# The e-mail is for a thought that has just come due. One that came due long
# ago (say, before the member turned e-mail on) gets no late e-mail.
EMAIL_WINDOW = timedelta(days=1)


def settings_of(user: User) -> CalmSettings:
    """The member's settings, or the defaults (not saved) if they never chose."""
    return open_row(CalmSettings.objects.filter(owner=user).first()) or CalmSettings(owner=user)


def worry_time_of(row: CalmSettings) -> time:
    """The member's worry time, or the suggested one when they have not chosen."""
    chosen = when.parse_time(row.worry_time) if row.worry_time_sealed is not None else None
    return chosen or when.DEFAULT_WORRY_TIME


def due_thoughts(user: User, now: datetime | None = None) -> int:
    """How many parked thoughts are ready to look at (one query)."""
    now = now or timezone.now()
    return Thought.objects.filter(owner=user, done__isnull=True, due__lte=now).count()


@dataclass
class Board:
    """The parked thoughts as the Calm page shows them."""

    ready: list[Thought] = field(default_factory=list)
    waiting: list[Thought] = field(default_factory=list)
    ready_count: int = 0
    waiting_count: int = 0
    rested_count: int = 0


_LISTED = ("id", "owner_id", "created", "day", "due", "done")


def board(user: User, now: datetime | None = None) -> Board:
    """Ready and waiting thoughts (the first few of each) and how many of each kind, in 3 queries."""
    now = now or timezone.now()
    mine = Thought.objects.filter(owner=user)
    counts = mine.aggregate(
        ready=Count("id", filter=Q(done__isnull=True, due__lte=now)),
        waiting=Count("id", filter=Q(done__isnull=True, due__gt=now)),
        rested=Count("id", filter=Q(done__isnull=False)),
    )
    open_ = mine.filter(done__isnull=True).only(*_LISTED)
    return Board(
        ready=list(open_.filter(due__lte=now).order_by("due")[:SHOWN]),
        waiting=list(open_.filter(due__gt=now).order_by("due")[:SHOWN]),
        ready_count=counts["ready"],
        waiting_count=counts["waiting"],
        rested_count=counts["rested"],
    )


def rested(user: User, n: int = 30) -> list[Thought]:
    """Thoughts the member put to rest, latest first."""
    return list(
        Thought.objects.filter(owner=user, done__isnull=False).only(*_LISTED).order_by("-done")[:n]
    )


def groundings(user: User, n: int = 5) -> list[Grounding]:
    """The member's kept grounding notes, newest first (dates only until opened)."""
    return list(
        Grounding.objects.filter(owner=user)
        .only("id", "owner_id", "created", "day")
        .order_by("-created")[:n]
    )


def owed_emails(now: datetime | None = None, limit: int = 1000) -> dict[int, list[uuid.UUID]]:
    """Thoughts that just came due for members who asked for e-mail, grouped by member.

    Only ids: the job that sends never sees a member's words.
    """
    now = now or timezone.now()
    asked = CalmSettings.objects.filter(owner_id=OuterRef("owner_id"), by_email=True)
    rows = (
        Thought.objects.filter(
            done__isnull=True, emailed__isnull=True, due__lte=now, due__gt=now - EMAIL_WINDOW
        )
        .filter(Exists(asked))
        .order_by("due")
        .values_list("owner_id", "id")[:limit]
    )
    owed: dict[int, list[uuid.UUID]] = defaultdict(list)
    for owner_id, thought_id in rows:
        owed[owner_id].append(thought_id)
    return dict(owed)


def owned_groundings(user: User) -> QuerySet[Grounding]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Grounding.objects.filter(owner=user)


def owned_thoughts(user: User) -> QuerySet[Thought]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Thought.objects.filter(owner=user)


def shown(thought: Thought) -> Shown:
    """A parked thought as a practitioner the member shares it with reads it."""
    return Shown(
        f"A worry parked on {long_day(thought.day)}",
        [("The worry", thought.text), ("What I think of it now", thought.now)],
    )
