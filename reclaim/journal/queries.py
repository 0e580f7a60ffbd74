"""Reading a member's journal.

Titles, bodies and tags are sealed, so the database cannot filter on them:
everything here loads one member's rows in a single query and opens them in
Python. Nothing here ever reads more than one member's entries.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, overload

from django.core.paginator import Page
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_row, open_rows, page_of

from . import index
from .models import Draft

# The entry type, for other apps' type hints (progress's summary).
from .models import Entry as Entry

# Other apps (progress's summary) name an entry's kind of writing through
# this module, never through journal.prompts.
from .prompts import writing_kind as writing_kind

if TYPE_CHECKING:
    from reclaim.accounts.models import User

# Columns a listing or a search needs; `updated` is left out.
_LISTED = (
    "id",
    "owner_id",
    "created",
    "day",
    "prompt",
    "title_sealed",
    "body_sealed",
    "tags_sealed",
)


def owned_entries(user: User) -> QuerySet[Entry]:
    """Only the member's own entries, whole: a view finds one here, so another's is a 404."""
    return Entry.objects.filter(owner=user)


def entries_of(user: User) -> QuerySet[Entry]:
    """The member's entries, newest first, with the columns a list shows."""
    return Entry.objects.filter(owner=user).only(*_LISTED).order_by("-created")


def recent_entries(user: User, n: int = 5) -> list[Entry]:
    """The member's newest entries, in one query, opened."""
    return open_rows(entries_of(user)[:n])


def entries_page(
    items: QuerySet[Entry] | list[Entry], number: object, per_page: int
) -> Page[Entry]:
    """One page of entries (from `entries_of` or `search`), with only that page opened."""
    return page_of(items, number, per_page)


def own_entry(user: User, entry_id: uuid.UUID) -> Entry:
    """One of the member's entries, opened; 404 for anyone else's, as for a missing one."""
    return open_row(get_object_or_404(owned_entries(user), pk=entry_id))


def _terms(text: str) -> list[str]:
    return index.words_of(text)


def _matches(entry: Entry, terms: list[str], tag: str | None) -> bool:
    tags = [t.casefold() for t in entry.tag_list]
    if tag and tag.casefold() not in tags:
        return False
    if not terms:
        return True
    # Cheap fields first: the body is opened only when the title and tags
    # do not already hold every word.
    short = "\n".join([entry.title, *tags]).casefold()
    missing = [t for t in terms if t not in short]
    if not missing:
        return True
    body = open_row(entry, "body").body.casefold()
    return all(t in body for t in missing)


def _scan(user: User, terms: list[str], tag: str | None) -> list[Entry]:
    """Search by opening every entry: for a member who has no index yet.

    Slow on a long journal, but it writes nothing (a read never does); the
    next entry the member saves builds their index. The search-equivalence
    test holds the index to exactly these results.
    """
    with key_cache():
        rows = open_rows(entries_of(user), "title", "tags")
        return [entry for entry in rows if _matches(entry, terms, tag)]


class Found(Sequence[Entry]):
    """Search results: the id of every match in order, rows loaded only for the slice a page shows.

    `entries_page` slices it, so a search over ten years of entries loads
    and opens one page of them, not every match.
    """

    def __init__(self, user: User, ids: Sequence[uuid.UUID]) -> None:
        self.user = user
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Entry]:
        # All at once: one query, not one per entry.
        return iter(self[:])

    @overload
    def __getitem__(self, at: int) -> Entry: ...

    @overload
    def __getitem__(self, at: slice) -> list[Entry]: ...

    def __getitem__(self, at: int | slice) -> Entry | list[Entry]:
        if isinstance(at, int):
            return self._load([self.ids[at]])[0]
        return self._load(list(self.ids[at]))

    def _load(self, ids: list[uuid.UUID]) -> list[Entry]:
        # By id alone: with the owner in the query too, SQLite walks every row
        # of the member through the owner index (18 ms at 10,000 entries,
        # against 1.5). The ids come from the member's own sealed index, and
        # the owner is still checked here, so another's entry never shows.
        found = Entry.objects.filter(pk__in=ids).only(*_LISTED).order_by()
        rows = {entry.pk: entry for entry in found if entry.owner_id == self.user.pk}
        # An entry deleted since the search was made is simply left out.
        return [rows[pk] for pk in ids if pk in rows]


def search(user: User, text: str, tag: str | None = None) -> Sequence[Entry]:
    """The member's entries that hold every word of `text`, newest first.

    Words match case-insensitively anywhere in the title, body or tags (so
    "walk" finds "walking"); `tag` keeps only entries with exactly that tag.
    The member's sealed index finds them (see index.py); nothing is opened
    here but the parts of the index the words fall in.
    """
    terms = _terms(text or "")
    tag = (tag or "").strip().lstrip("#") or None
    if not terms and not tag:
        return []
    found = index.find(user.pk, terms, tag)
    if found is None:
        return _scan(user, terms, tag)
    return Found(user, found)


def member_tags(user: User, limit: int = 200, top: int = 24) -> list[str]:
    """The member's most used tags in their recent entries, most used first."""
    counts: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    rows = (
        Entry.objects.filter(owner=user)
        .only("id", "owner_id", "tags_sealed")
        .order_by("-created")[:limit]
    )
    with key_cache():
        for entry in open_rows(rows, "tags"):
            for tag in entry.tag_list:
                key = tag.casefold()
                counts[key] += 1
                spelled.setdefault(key, tag)
    return [spelled[key] for key, _ in counts.most_common(top)]


def owned_drafts(user: User) -> QuerySet[Draft]:
    """Only the member's own drafts: a view finds one here, so another's is a 404."""
    return Draft.objects.filter(owner=user)


def drafts_of(user: User) -> list[Draft]:
    """The member's unsaved writing, newest first."""
    return open_rows(owned_drafts(user).order_by("-updated"))


def new_draft(user: User) -> Draft | None:
    return open_row(owned_drafts(user).filter(entry__isnull=True).first())


def draft_for(user: User, entry: Entry) -> Draft | None:
    return open_row(owned_drafts(user).filter(entry=entry).first())


def days_with_entries(user: User, start: date, end: date) -> set[date]:
    """The member's own days (their time zone) with at least one entry. One query.

    Only the plain ``day`` column is read: nothing sealed is opened.
    """
    return set(
        Entry.objects.filter(owner=user, day__gte=start, day__lte=end)
        # Without the model's default ordering, so DISTINCT is over days alone.
        .order_by()
        .values_list("day", flat=True)
        .distinct()
    )


def chosen_entries(user: User, ids: Iterable[uuid.UUID]) -> QuerySet[Entry]:
    """This member's entries among ``ids``, oldest first.

    The query is always limited to the member's own rows, so an id of
    anyone else's entry is simply not found.
    """
    return Entry.objects.filter(owner=user, id__in=list(ids)).order_by("day", "created")
