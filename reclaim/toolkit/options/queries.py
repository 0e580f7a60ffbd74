"""Reading a member's option snapshots, and their values from the Values tool.

Snapshots are sealed, so the history loads a fixed number of the newest in
one query and opens them in Python; the page's cost does not grow with years
of snapshots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.template.defaultfilters import pluralize

from reclaim.core.numbers import long_day
from reclaim.progress.charts import Chart, Series, line_chart
from reclaim.toolkit.shareable import Shown
from reclaim.toolkit.values import queries as values_queries
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_row, open_rows

from .models import PATHS, Snapshot

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from reclaim.accounts.models import User

HISTORY = 12


def top_values(user: User) -> list[tuple[str, str, str]]:
    """The member's top five values as (code, name, own words); [] before a first sort."""
    return list(values_queries.current_top_five(user))


def latest(user: User) -> Snapshot | None:
    return open_row(Snapshot.objects.filter(owner=user).order_by("-created").first())


def history(user: User, n: int = HISTORY) -> list[Snapshot]:
    """The member's newest `n` snapshots, newest first."""
    return open_rows(Snapshot.objects.filter(owner=user).order_by("-created")[:n])


def count(user: User) -> int:
    return Snapshot.objects.filter(owner=user).count()


@dataclass(frozen=True)
class Change:
    """How drawn the member felt to each path in one snapshot, for the history table."""

    snapshot: Snapshot
    drawn: list[int | None]  # in the order of PATHS


def changes(snapshots: list[Snapshot]) -> list[Change]:
    """Oldest first, so the table reads as the view moving forward in time."""
    with key_cache():
        return [
            Change(snapshot, [snapshot.drawn(path.code) for path in PATHS])
            for snapshot in reversed(snapshots)
        ]


def drawn_chart(snapshots: list[Snapshot], width: int = 640, height: int = 260) -> Chart | None:
    """A small line chart of how drawn the member felt to each path, or None with under two days.

    With more than one snapshot on a day, the day's last one is drawn. A
    phone gets its own narrower drawing, so the words stay readable.
    """
    by_day: dict[date, Snapshot] = {}
    for snapshot in sorted(snapshots, key=lambda s: s.created):
        by_day[snapshot.day] = snapshot
    if len(by_day) < 2:
        return None
    days = sorted(by_day)
    series: list[Any] = [
        Series(path.short, [(day, by_day[day].drawn(path.code)) for day in days], dots=True)
        for path in PATHS
    ]
    return line_chart(
        "How drawn you felt to each path",
        f"Your answers from 0 to 10 on {len(days)} day{pluralize(len(days))}, from "
        f"{days[0]:%-d %B %Y} to {days[-1]:%-d %B %Y}.",
        series,
        days[0],
        days[-1],
        0,
        10,
        y_ticks=[0, 5, 10],
        width=width,
        height=height,
    )


def owned_snapshots(user: User) -> QuerySet[Snapshot]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Snapshot.objects.filter(owner=user)


def shown(snapshot: Snapshot) -> Shown:
    """A snapshot of the member's options as a practitioner they share it with reads it."""
    passages = []
    for view in snapshot.paths:
        drawn = "not answered" if view.drawn is None else f"{view.drawn} of 10"
        passages.append((f"{view.path.name}: how drawn", drawn))
        passages += [(f"{view.path.name}: {label}", words) for label, words in view.answers]
    return Shown(f"Where I stood on my options, {long_day(snapshot.day)}", passages)
