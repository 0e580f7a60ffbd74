"""Reading a member's anger log.

The log is sealed, so the database cannot average or count inside it: the
summary loads at most the last 30 days' feelings in one query and opens
them in Python; lists open only the rows a page shows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.core.paginator import Page
from django.db.models import QuerySet

from reclaim.core.numbers import long_day, one_decimal
from reclaim.toolkit.shareable import Shown
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows, page_of

from .models import PLACE_NAMES, Entry

if TYPE_CHECKING:
    from reclaim.accounts.models import User

SUMMARY_DAYS = 30
# A ceiling on how many rows the summary opens, however often someone logs.
SUMMARY_LIMIT = 500


@dataclass(frozen=True)
class Summary:
    days: int
    count: int
    average: float | None
    common_place: str  # the words to show, or "" when no place was named

    @property
    def average_text(self) -> str:
        return one_decimal(self.average)


def entries_of(user: User) -> QuerySet[Entry]:
    """The member's log, newest first."""
    return Entry.objects.filter(owner=user).order_by("-created")


def entries_page(user: User, number: object, per_page: int) -> Page[Entry]:
    return page_of(entries_of(user), number, per_page)


def summary(user: User, today: date) -> Summary:
    """How many moments in the last 30 days, their average strength, the most named place."""
    since = today - timedelta(days=SUMMARY_DAYS - 1)
    rows = list(
        Entry.objects.filter(owner=user, day__gte=since)
        .only("id", "owner_id", "created", "day", "feeling_sealed")
        .order_by("-created")[:SUMMARY_LIMIT]
    )
    places: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    total = 0
    with key_cache():
        for entry in open_rows(rows, "feeling"):
            total += entry.intensity
            for code in entry.places:
                places[code] += 1
                spelled[code] = PLACE_NAMES[code]
            own = " ".join(entry.own_place.split())
            if own:
                places[own.casefold()] += 1
                spelled.setdefault(own.casefold(), own)
    common = ""
    if places:
        # Ties go to the place named first in the newest entries.
        key = places.most_common(1)[0][0]
        common = spelled[key]
    return Summary(
        days=SUMMARY_DAYS,
        count=len(rows),
        average=total / len(rows) if rows else None,
        common_place=common,
    )


def owned_entries(user: User) -> QuerySet[Entry]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Entry.objects.filter(owner=user)


def shown(entry: Entry) -> Shown:
    """A moment of anger as a practitioner the member shares it with reads it."""
    felt = f"{entry.intensity} of 10"
    if entry.place_words:
        felt += ", felt in: " + ", ".join(entry.place_words)
    return Shown(
        f"A moment of anger, {long_day(entry.day)}",
        [
            ("Strength", felt),
            ("What set it off", entry.trigger),
            ("What I felt like doing", entry.urge),
            ("What I did", entry.action),
        ],
    )
