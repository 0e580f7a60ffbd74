"""The member's own reads about sharing: their connections, switches and the looks.

The practitioner's reads of a member's data are in shared.py, nowhere else.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils import timezone

from reclaim.assessments import queries as assessments
from reclaim.core.text import listed
from reclaim.journal import queries as journal
from reclaim.practice.queries import area as practice_area
from reclaim.practice.queries import public as practice_public
from reclaim.toolkit import shareable as toolkit
from reclaim.vault.fields import open_row, open_rows

from . import codes, suggestions
from .models import LIST_KEY_JOIN, ClientInvitation, Connection, Grant, Look, RiskAlert, Suggestion
from .models import Part as Part

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.journal.models import Entry

# How many looks the member's page lists at a time for one practitioner, newest first.
LOOKS_SHOWN = 100
# How many risk alerts the member's page lists for one practitioner, newest first.
ALERTS_SHOWN = 100


@dataclass(frozen=True)
class PractitionerCard:
    """Who a practitioner is, as their public profile says."""

    name: str
    credentials: str
    picture: practice_public.Picture | None
    approach: str  # Clean HTML.
    response_hours: str = ""  # In the practitioner's words; "" when they have not said.


def practitioner_card(practitioner: Any) -> PractitionerCard:
    profile = practice_area.profile_of(practitioner)
    if profile is None:
        # A practitioner who has not written a profile yet: their account name only.
        return PractitionerCard(practitioner.username, "", None, "")
    return PractitionerCard(
        name=profile.name,
        credentials=profile.credentials,
        picture=practice_public.picture(profile.photo, profile.photo_alt or profile.name),
        approach=practice_public.approach_html(profile),
        response_hours=profile.response_hours,
    )


def invitation_for(typed_code: str) -> ClientInvitation | None:
    """The open invitation with this code, or None (unknown, used or expired alike)."""
    if not codes.looks_like_code(typed_code):
        return None
    return (
        ClientInvitation.objects.filter(
            code_digest=codes.digest(typed_code), used_at__isnull=True, expires__gt=timezone.now()
        )
        .select_related("practitioner")
        .first()
    )


def connections_of(member: User) -> list[Connection]:
    """The member's connections, live ones first, with the name they show opened."""
    rows = Connection.objects.filter(owner=member).select_related("practitioner")
    ordered = sorted(rows, key=lambda c: (c.ended is not None, -c.created.timestamp()))
    return open_rows(ordered, "shown_name")


def live_connections(member: User) -> list[Connection]:
    return [c for c in connections_of(member) if c.is_live]


def own_connection(member: User, connection_id: uuid.UUID) -> Connection:
    """One of the member's connections; 404 for anyone else's, as for a missing one."""
    return open_row(
        get_object_or_404(
            Connection.objects.select_related("practitioner"), pk=connection_id, owner=member
        ),
        "shown_name",
    )


def switches(connection: Connection) -> set[tuple[str, str]]:
    """The (part, key) switches that are on for this connection, read now."""
    return set(Grant.objects.filter(connection=connection).values_list("part", "key"))


def shared_entries(member: User, connection: Connection) -> list[Entry]:
    keys = Grant.objects.filter(connection=connection, part=Part.ENTRY).values_list(
        "key", flat=True
    )
    ids = [uuid.UUID(key) for key in keys]
    return open_rows(journal.chosen_entries(member, ids), "title") if ids else []


def shared_tool_entries(member: User, connection: Connection) -> list[toolkit.ToolEntry]:
    """The toolkit entries the member shares on this connection, opened, oldest first."""
    keys = Grant.objects.filter(connection=connection, part=Part.TOOL_ENTRY).values_list(
        "key", flat=True
    )
    return toolkit.chosen(member, keys)


def connections_sharing(part: str, key: str, connections: list[Connection]) -> set[uuid.UUID]:
    """Which of these connections this one entry (a journal or a toolkit entry) is shared on."""
    return set(
        Grant.objects.filter(connection__in=connections, part=part, key=key).values_list(
            "connection_id", flat=True
        )
    )


def tools_that_share() -> list[str]:
    """The names of the tools whose entries can be shared, for the member to read."""
    return [tool.name for tool in toolkit.shareable_tools()]


def has_live_connection(member: User) -> bool:
    """Whether the member is connected with a practitioner now (so sharing can be offered)."""
    return Connection.objects.filter(owner=member, ended__isnull=True).exists()


def still_there(member: User, grants: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The entry switches among these whose entry the member has not deleted since."""
    entry_keys: dict[uuid.UUID, str] = {}
    for part, key in grants:
        if part == Part.ENTRY:
            with contextlib.suppress(ValueError):
                entry_keys[uuid.UUID(key)] = key
    found = journal.chosen_entries(member, entry_keys).values_list("id", flat=True)
    tools = toolkit.existing(member, [key for part, key in grants if part == Part.TOOL_ENTRY])
    return {(Part.ENTRY, entry_keys[pk]) for pk in found} | {(Part.TOOL_ENTRY, k) for k in tools}


def what_is_shared(member: User, connections: list[Connection]) -> dict[uuid.UUID, list[str]]:
    """For each connection, what is switched on, in short words ("PHQ-9 results", "2 journal entries").

    One query for all of the member's connections, and one for each kind of
    entry shared, so an entry deleted since is no longer counted.
    """
    names = {i.code: i.short_name for i in assessments.all_instruments()}
    grants: dict[uuid.UUID, list[tuple[str, str]]] = {c.pk: [] for c in connections}
    for connection_id, part, key in Grant.objects.filter(connection__in=connections).values_list(
        "connection_id", "part", "key"
    ):
        grants[connection_id].append((part, key))
    entries = still_there(member, [g for on in grants.values() for g in on])
    summary = {}
    for connection_id, on in grants.items():
        words = [f"{names.get(k, k)} results" for p, k in sorted(on) if p == Part.RESULTS]
        words += [f"{names.get(k, k)} answers" for p, k in sorted(on) if p == Part.ANSWERS]
        if (Part.TRENDS, "") in on:
            words.append("check-in trends")
        if (Part.SAFETY_PLAN, "") in on:
            words.append("your safety plan")
        if (Part.RISK_ALERTS, "") in on:
            words.append("alerts when you may be at risk")
        journal_entries = sum(1 for p, k in on if p == Part.ENTRY and (p, k) in entries)
        if journal_entries:
            words.append(f"{journal_entries} journal entr{'y' if journal_entries == 1 else 'ies'}")
        tool_entries = sum(1 for p, k in on if p == Part.TOOL_ENTRY and (p, k) in entries)
        if tool_entries:
            words.append(f"{tool_entries} toolkit entr{'y' if tool_entries == 1 else 'ies'}")
        summary[connection_id] = words
    return summary


def alerts_of(connection: Connection) -> list[RiskAlert]:
    """Every risk alert this practitioner was sent about the member, newest first."""
    return list(RiskAlert.objects.filter(connection=connection)[:ALERTS_SHOWN])


@dataclass(frozen=True)
class LookLine:
    at: Any
    what: str
    copied: bool


@dataclass(frozen=True)
class LookPage:
    """One page of the access log, newest first, and where the pages around it are."""

    lines: list[LookLine]
    number: int
    older: int | None  # the page number of older looks, if there are any
    newer: int | None
    total: int


def looks_of(member: User, connection: Connection, page: str | None = None) -> LookPage:
    """Every time the practitioner opened something, newest first, in plain words, a page at a time.

    Nothing is ever left out of the log. `page` is the number a request
    asked for; anything that is not a page (missing, text, too far) gives
    the first or the last, as every list page does.
    """
    paginator = Paginator(Look.objects.filter(connection=connection), LOOKS_SHOWN)
    shown = paginator.get_page(page)
    looks = list(shown.object_list)
    names = {i.code: i.short_name for i in assessments.all_instruments()}
    entry_ids = []
    for look in looks:
        if look.part == Part.ENTRY:
            try:
                entry_ids.append(uuid.UUID(look.key))
            except ValueError:
                continue
    titles = {
        str(entry.pk): entry.display_title
        for entry in (
            open_rows(journal.chosen_entries(member, entry_ids), "title") if entry_ids else []
        )
    }
    tool_titles = {
        entry.key: entry.title
        for entry in toolkit.chosen(
            member, {look.key for look in looks if look.part == Part.TOOL_ENTRY}
        )
    }
    lines = []
    for look in looks:
        if look.part == Part.RESULTS:
            codes = [names.get(code, code) for code in look.key.split(LIST_KEY_JOIN)]
            what = f"Results of {listed(codes)}"
        elif look.part == Part.ANSWERS:
            what = f"Answers to {names.get(look.key, look.key)}"
        elif look.part == Part.ENTRY:
            what = f"Journal entry: {titles.get(look.key, 'one you have since deleted')}"
        elif look.part == Part.TOOL_ENTRY:
            tool = toolkit.tool_name(look.key.partition(":")[0])
            title = tool_titles.get(look.key, "one you have since deleted")
            what = f"{Part.TOOL_ENTRY.label}: {tool}, {title}"
        else:
            what = Part(look.part).label
        lines.append(LookLine(look.at, what, look.copied))
    return LookPage(
        lines=lines,
        number=shown.number,
        older=shown.next_page_number() if shown.has_next() else None,
        newer=shown.previous_page_number() if shown.has_previous() else None,
        total=paginator.count,
    )


def open_suggestions(member: User) -> list[tuple[Suggestion, suggestions.Suggestible, Connection]]:
    """Suggestions from the member's practitioners that they have not taken up or set aside."""
    known = suggestions.by_kind_and_key()
    found = []
    for made in Suggestion.objects.filter(
        connection__owner=member, connection__ended__isnull=True, closed__isnull=True
    ).select_related("connection__practitioner"):
        thing = known.get((made.kind, made.key))
        if thing is not None:
            found.append((made, thing, made.connection))
    return found
