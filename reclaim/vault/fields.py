"""Sealed attributes on models, sealed and opened by explicit calls.

``body = Sealed()`` on a model keeps its value in the ``body_sealed`` binary
column, sealed with the owner's data key and bound to the row. Models that
use it need ``owner_id`` and a primary key known before sealing (a UUID
default).

Nothing happens behind an attribute:

- ``entry.body = "..."`` is assignment and nothing more: no cryptography,
  no database. Until it is sealed, the column holds an `UnsealedValue`, so
  the words can be neither written plain nor lost quietly.
- ``seal(entry)`` (called by actions, before saving) seals every value that
  was assigned. Saving a row that still holds an unsealed value raises
  `NotSealed` (see `signals.refuse_unsealed`); the save never seals for you.
- ``open_rows(entries, "body")`` (called by queries, after loading) opens the
  named values, one key and one cipher per member for the whole batch.
  Reading a value that was neither opened nor assigned raises `NotOpened`,
  naming the field, so the query that forgot it is found at once.

A value read is tied to the column it came from: when the column changes
(``refresh_from_db``, another assignment, a direct write of ``*_sealed``),
the opened value is forgotten and must be opened again.

``Sealed("bytes")`` holds raw bytes the model packs itself (the journal's
search index), sealed and opened exactly like text.

AES-GCM keeps the length of what it seals. For a short JSON value whose
length itself says something (``{"mood":10}`` is one byte longer than
``{"mood":9}``), ``Sealed("json", pad_to=n)`` pads the plaintext with spaces
to at least ``n`` bytes; JSON ignores the trailing spaces when it is read.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.paginator import Page, Paginator
from django.db import models

from . import crypto

if TYPE_CHECKING:
    from django.db.models import QuerySet

T = TypeVar("T")
# A saved row: what `create_sealed` builds and inserts.
M = TypeVar("M", bound=models.Model)


class NotOpened(RuntimeError):
    """A sealed value was read before any query opened it.

    A RuntimeError, not an AttributeError: templates quietly print nothing
    for an AttributeError, and a forgotten `open_rows` must be loud.
    """


class NotSealed(RuntimeError):
    """A row was about to be saved with a value that was assigned but not sealed."""


class UnsealedValue:
    """What a sealed column holds between assignment and `seal`.

    Its repr never shows the words, so they cannot reach a log or an error
    report through it.
    """

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<unsealed value>"


class Sealed(property):
    """A property (so Model(...) accepts it as a keyword) backed by a sealed column."""

    def __init__(self, kind: str = "text", *, pad_to: int = 0) -> None:
        if kind not in ("text", "json", "bytes"):
            raise ValueError("kind must be 'text', 'json' or 'bytes'")
        if pad_to and kind != "json":
            # Spaces after text would change it; after JSON they are ignored.
            raise ValueError("only JSON values can be padded")
        self.kind = kind
        self.pad_to = pad_to
        super().__init__()

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.column = f"{name}_sealed"
        # Where an opened value is kept on the instance, with the column it came from.
        self.opened = f"_{name}_opened"

    def owner_of(self, obj: Any) -> Any:
        """The member whose key seals this value (a subclass may say otherwise)."""
        return obj.owner_id

    def where(self, obj: Any) -> dict[str, Any]:
        """What the ciphertext is bound to: model, field, owner and row."""
        return {
            "label": obj._meta.label_lower,
            "field": self.name,
            "owner_id": self.owner_of(obj),
            "row_id": obj.pk,
        }

    def _shown(self, value: Any) -> Any:
        # An empty text column reads as "", the same before and after a reload.
        return "" if value is None and self.kind == "text" else value

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        column = getattr(obj, self.column)
        if isinstance(column, UnsealedValue):
            # Assigned on this very instance: it is plaintext already.
            return self._shown(column.value)
        opened = vars(obj).get(self.opened)
        if opened is not None and opened[0] == column:
            return opened[1]
        if column is None and getattr(getattr(obj, "_state", None), "adding", False):
            # A new row nothing was assigned to holds nothing to open.
            return self._shown(None)
        label = obj._meta.label_lower
        raise NotOpened(
            f"{label}.{self.name} was read but never opened: the query that loaded "
            f'this row should call vault.fields.open_rows(rows, "{self.name}").'
        )

    def __set__(self, obj: Any, value: Any) -> None:
        if self.kind == "text" and value is not None and not isinstance(value, str):
            raise TypeError(f"{self.name} holds text, not {type(value).__name__}.")
        if self.kind == "bytes" and value is not None and not isinstance(value, bytes):
            raise TypeError(f"{self.name} holds bytes, not {type(value).__name__}.")
        setattr(obj, self.column, UnsealedValue(value))
        vars(obj).pop(self.opened, None)

    def seal_on(self, obj: Any) -> None:
        """Seal the value assigned to `obj`, if one waits; see `seal`."""
        column = getattr(obj, self.column)
        if column is None and getattr(getattr(obj, "_state", None), "adding", False):
            # A new row given nothing here holds nothing: known, so readable after saving.
            setattr(obj, self.opened, (None, self._shown(None)))
        if not isinstance(column, UnsealedValue):
            return
        value = column.value
        blob: bytes | None = None
        if value is not None:
            raw = self._encoded(value)
            blob = crypto.seal(raw.ljust(self.pad_to, b" "), **self.where(obj))
        setattr(obj, self.column, blob)
        setattr(obj, self.opened, (blob, self._shown(value)))

    def _encoded(self, value: Any) -> bytes:
        if self.kind == "bytes":
            return bytes(value)
        return value.encode() if self.kind == "text" else crypto.dumps(value)

    def _decoded(self, raw: bytes) -> Any:
        if self.kind == "bytes":
            return raw
        return raw.decode() if self.kind == "text" else json.loads(raw)

    def is_waiting(self, obj: Any) -> bool:
        """True when a value was assigned to `obj` and not sealed yet."""
        return isinstance(vars(obj).get(self.column), UnsealedValue)

    def open_on(self, rows: list[Any]) -> None:
        """Open this value on every row (all of one model); see `open_rows`."""
        by_owner: dict[Any, list[Any]] = {}
        for row in rows:
            column = getattr(row, self.column)
            opened = getattr(row, self.opened, None)
            if isinstance(column, UnsealedValue) or (opened is not None and opened[0] == column):
                # Assigned here, or opened already from this very column.
                continue
            if column is None:
                setattr(row, self.opened, (None, self._shown(None)))
            else:
                by_owner.setdefault(self.owner_of(row), []).append(row)
        for owner_id, owned in by_owner.items():
            label = owned[0]._meta.label_lower
            blobs = [getattr(row, self.column) for row in owned]
            opened = crypto.open_many(
                ((row.pk, blob) for row, blob in zip(owned, blobs, strict=True)),
                label=label,
                field=self.name,
                owner_id=owner_id,
            )
            for row, blob, raw in zip(owned, blobs, opened, strict=True):
                value = self._decoded(raw)
                setattr(row, self.opened, (blob, value))


@functools.cache
def sealed_fields(model: type) -> dict[str, Sealed]:
    """Every sealed attribute of a model class (its own and inherited), by name."""
    found: dict[str, Sealed] = {}
    for klass in reversed(model.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, Sealed):
                found[name] = value
    return found


def seal(*rows: Any) -> None:
    """Seal every value assigned to these rows; actions call it before saving.

    One data key unwrap per member for the whole call. A row with nothing
    waiting is left as it is.
    """
    with crypto.key_cache():
        for row in rows:
            # __class__, not type(): request.user is a lazy stand-in for the member.
            for field in sealed_fields(row.__class__).values():
                field.seal_on(row)


def open_rows(rows: Iterable[T], *names: str) -> list[T]:
    """Open the named sealed values (all loaded ones when none is named) on `rows`.

    Queries call it on what they hand out, so a page reads words that were
    opened on purpose, in one batch per member and field. Returns the rows
    as a list, in their order.
    """
    loaded = list(rows)
    by_model: dict[type, list[T]] = {}
    for row in loaded:
        by_model.setdefault(row.__class__, []).append(row)
    with crypto.key_cache():
        for model, group in by_model.items():
            fields = sealed_fields(model)
            unknown = [name for name in names if name not in fields]
            if unknown:
                raise ValueError(f"{model.__name__} has no sealed {', '.join(unknown)}.")
            # Unnamed, only what was loaded: a column left out with .only()
            # stays closed rather than costing a query per row.
            deferred_of = getattr(group[0], "get_deferred_fields", None)
            deferred = deferred_of() if deferred_of else set()
            chosen = names or tuple(n for n, f in fields.items() if f.column not in deferred)
            for name in chosen:
                fields[name].open_on(group)
    return loaded


def open_row(row: T, *names: str) -> T:
    """`open_rows` for one row (or None, handed back as it is)."""
    if row is not None:
        open_rows([row], *names)
    return row


def page_of(
    items: QuerySet[M] | Sequence[M], number: object, per_page: int, *names: str
) -> Page[M]:
    """One page of `items` (a query or a list), with only that page's rows opened.

    A list page shows a few rows of a long history: opening just those keeps
    the cost of the page independent of how much the member has written.
    """
    # get_page turns anything that is not a page number into the first or last page.
    page = Paginator(items, per_page).get_page(number)  # type: ignore[arg-type]
    page.object_list = open_rows(page.object_list, *names)
    return page


def create_sealed(model: type[M], **values: Any) -> M:
    """Build a row, seal what it was given and insert it: `objects.create`, sealed on purpose."""
    row = model(**values)
    seal(row)
    row.save(force_insert=True)
    return row
