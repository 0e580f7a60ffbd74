"""Toolkit entries a member may share with a practitioner, one by one (issue 15).

A tool whose saved things are the member's own writing registers one
`Kind` here from its `apps.py`: how to find the member's rows (its
`owned_…` query), how to show one as a title and a few labelled passages,
and the member's own page of one. The Sharing app reads toolkit entries
only through the functions below, so each tool's models and views stay its
own, and a tool joins sharing with one `register` call and one
`{% share_this %}` tag on its page.

A shared entry is named by a key, "<tool module>:<entry id>": ids only,
never words, since it is kept in a plain column (`sharing.Grant.key`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.http import Http404
from django.urls import reverse

from reclaim.vault.fields import open_rows

from .registry import TOOLS, Tool

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from reclaim.accounts.models import User


@dataclass(frozen=True)
class Shown:
    """One entry as someone else reads it: a title, then (label, the member's words)."""

    title: str
    passages: list[tuple[str, str]]


@dataclass(frozen=True)
class Kind:
    """What a tool shares: one model's rows, found, shown and linked to."""

    module: str  # the tool's module, as in registry.TOOLS
    rows_of: Callable[[Any], QuerySet[Any]]  # the tool's owned_… query
    show: Callable[[Any], Shown]  # an opened row, as a title and passages
    page: str  # the URL name of the member's page of one entry; its id is the one argument


@dataclass(frozen=True)
class ToolEntry:
    """One toolkit entry, opened, as the sharing pages show it."""

    module: str
    id: uuid.UUID
    tool: str  # the tool's name as the member reads it ("Boundaries")
    title: str
    passages: list[tuple[str, str]]
    created: datetime
    page: str  # the member's own page of it

    @property
    def key(self) -> str:
        """The key a Grant keeps for it: "<module>:<id>"."""
        return key_of(self.module, self.id)


_KINDS: dict[str, Kind] = {}
_NAMES = {tool.module: tool.name for tool in TOOLS}


def register(kind: Kind) -> None:
    """Let the member share this tool's entries (called from the tool's AppConfig.ready)."""
    if kind.module not in _NAMES:
        raise ValueError(f"{kind.module} is not a tool in registry.TOOLS")
    _KINDS[kind.module] = kind


def shareable_tools() -> list[Tool]:
    """The tools whose entries a member can share, in the Toolkit's order."""
    return [tool for tool in TOOLS if tool.module in _KINDS]


def kind_of(module: str) -> Kind:
    """What this tool shares; 404 for a tool that shares nothing or does not exist."""
    kind = _KINDS.get(module)
    if kind is None:
        raise Http404
    return kind


def key_of(module: str, entry_id: uuid.UUID) -> str:
    return f"{module}:{entry_id}"


def parse(key: str) -> tuple[str, uuid.UUID] | None:
    """The module and id in a key, or None for anything that is not a shareable entry's key."""
    module, _, rest = key.partition(":")
    if module not in _KINDS:
        return None
    try:
        return module, uuid.UUID(rest)
    except ValueError:
        return None


def tool_name(module: str) -> str:
    """The tool's name as the member reads it ("Boundaries")."""
    return _NAMES.get(module, "A tool no longer offered")


def _entry(kind: Kind, row: Any) -> ToolEntry:
    shown = kind.show(row)
    return ToolEntry(
        module=kind.module,
        id=row.pk,
        tool=tool_name(kind.module),
        title=shown.title,
        passages=[(label, words) for label, words in shown.passages if words],
        created=row.created,
        page=reverse(kind.page, args=[row.pk]),
    )


def own_entry(member: User, module: str, entry_id: uuid.UUID) -> ToolEntry:
    """One of the member's own shareable entries, opened; 404 for anyone else's or a made-up one."""
    kind = kind_of(module)
    row = kind.rows_of(member).filter(owner=member, pk=entry_id).first()
    if row is None:
        raise Http404
    return _entry(kind, open_rows([row])[0])


def _by_module(keys: Iterable[str]) -> dict[str, list[uuid.UUID]]:
    by_module: dict[str, list[uuid.UUID]] = {}
    for key in keys:
        parsed = parse(key)
        if parsed is not None:
            by_module.setdefault(parsed[0], []).append(parsed[1])
    return by_module


def existing(member: User, keys: Iterable[str]) -> set[str]:
    """The keys among these that still name one of the member's entries; nothing is opened.

    One query per tool, for ids only: an entry the member deleted is not among them.
    """
    found: set[str] = set()
    for module, ids in _by_module(keys).items():
        rows = _KINDS[module].rows_of(member).filter(owner=member, pk__in=ids)
        found |= {key_of(module, pk) for pk in rows.values_list("pk", flat=True)}
    return found


def chosen(
    member: User, keys: Iterable[str], *, before_opening: Callable[[str], None] | None = None
) -> list[ToolEntry]:
    """The member's entries among these keys that still exist, opened, oldest first.

    Always limited to the member's own rows, so a key of anyone else's
    entry is simply not found; one the member deleted is gone. One query
    per tool. `before_opening` is called with each found key before any
    words are opened (the practitioner's read checks its switch there).
    """
    found: list[tuple[Kind, Any]] = []
    for module, ids in _by_module(keys).items():
        kind = _KINDS[module]
        found += [(kind, row) for row in kind.rows_of(member).filter(owner=member, pk__in=ids)]
    if before_opening is not None:
        for kind, row in found:
            before_opening(key_of(kind.module, row.pk))
    open_rows([row for _, row in found])
    entries = [_entry(kind, row) for kind, row in found]
    return sorted(entries, key=lambda entry: entry.created)
