"""A member's export: everything of theirs as one versioned JSON document.

Each app registers the lists it keeps (`core.hooks.register_export_part`);
this module opens them, turns each row into plain JSON values and checks the
result against the published schema, which it also makes from the same
lists, so the schema in docs/ cannot drift from what is written (a test
compares the file with `schema()`).

The document:

    {"format": "reclaim-export", "version": 1, "exported_at": "...",
     "parts": {"journal": {"title": "Journal", "entries": [{...}, ...]}, ...}}

Rows keep their ids, so a row that points at another (a draft at its entry)
can be followed. Raise VERSION when a field changes meaning or goes away;
adding a field or a list keeps the version.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from jsonschema import Draft202012Validator

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows, sealed_fields

from .hooks import ExportList, export_parts

FORMAT = "reclaim-export"
VERSION = 1
SCHEMA_ID = f"https://reclaim.invalid/schemas/export-v{VERSION}.json"


def _points_at_member(field: models.Field) -> bool:
    related = getattr(field, "related_model", None)
    return related is not None and related._meta.label == settings.AUTH_USER_MODEL


def _columns(export_list: ExportList) -> list[models.Field]:
    """The plain columns a list shows: not the member link, not sealed blobs, not left out."""
    sealed_columns = {f.column for f in sealed_fields(export_list.model).values()}
    return [
        field
        for field in export_list.model._meta.concrete_fields
        if not _points_at_member(field)
        and field.name not in sealed_columns
        and field.name not in export_list.leave_out
    ]


def _opened(export_list: ExportList) -> list[str]:
    return [name for name in sealed_fields(export_list.model) if name not in export_list.leave_out]


def _plain(value: Any) -> Any:
    """A column's value as JSON: dates in ISO 8601, ids as text."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        raise TypeError("an export holds words and numbers, never raw bytes")
    return value


def plain_rows(export_list: ExportList, member: Any) -> list[dict[str, Any]]:
    """The member's rows of one list, every sealed value opened, as plain JSON objects."""
    rows = list(export_list.rows(member))
    opened = _opened(export_list)
    open_rows(rows, *opened)
    columns = _columns(export_list)
    found = []
    for row in rows:
        values = {field.name: _plain(getattr(row, field.attname)) for field in columns}
        values.update({name: getattr(row, name) for name in opened})
        found.append(values)
    return found


def document(member: Any, on_part: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Everything of the member's, part by part; `on_part(done, total)` follows along."""
    registered = export_parts()
    parts: dict[str, dict[str, Any]] = {}
    with key_cache():
        for done, (key, title, lists) in enumerate(registered, start=1):
            part: dict[str, Any] = {"title": title}
            for export_list in lists:
                part[export_list.name] = plain_rows(export_list, member)
            parts[key] = part
            if on_part is not None:
                on_part(done, len(registered))
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "parts": parts,
    }


def part_count() -> int:
    return len(export_parts())


# --- the schema -----------------------------------------------------------------

_TYPES: tuple[tuple[type[models.Field], dict[str, Any]], ...] = (
    (models.BooleanField, {"type": "boolean"}),
    (models.UUIDField, {"type": "string", "format": "uuid"}),
    (models.DateTimeField, {"type": "string", "format": "date-time"}),
    (models.DateField, {"type": "string", "format": "date"}),
    (models.TimeField, {"type": "string", "format": "time"}),
    (models.IntegerField, {"type": "integer"}),
    (models.FloatField, {"type": "number"}),
    (models.DecimalField, {"type": "string"}),
    (models.CharField, {"type": "string"}),
    (models.TextField, {"type": "string"}),
    (models.JSONField, {}),
)


def _column_schema(field: models.Field) -> dict[str, Any]:
    if field.is_relation:
        # A link to another of the member's rows holds that row's id.
        target = field.target_field  # type: ignore[attr-defined]
        shown = dict(_column_schema(target))
        linked = field.related_model
        shown["description"] = f"The id of a row in {linked._meta.verbose_name}."  # type: ignore[union-attr]
    else:
        shown = next(
            (dict(kind) for klass, kind in _TYPES if isinstance(field, klass)),
            {},
        )
    if field.null and "type" in shown:
        shown["type"] = [shown["type"], "null"]
    if field.choices:
        values = [value for value, _label in field.flatchoices]
        # A blank choice column holds "" until something is chosen.
        values += [""] if field.blank and "" not in values else []
        shown["enum"] = values + ([None] if field.null else [])
    return shown


def _sealed_schema(kind: str) -> dict[str, Any]:
    if kind == "text":
        return {"type": "string", "description": "Words the member wrote, opened from the vault."}
    return {"description": "What the member chose or wrote, opened from the vault."}


def _row_schema(export_list: ExportList) -> dict[str, Any]:
    properties = {field.name: _column_schema(field) for field in _columns(export_list)}
    fields = sealed_fields(export_list.model)
    properties.update({name: _sealed_schema(fields[name].kind) for name in _opened(export_list)})
    return {
        "type": "object",
        "description": str(export_list.model._meta.verbose_name).capitalize() + ".",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


def schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) every export of this version meets, made from the registered lists."""
    parts: dict[str, Any] = {}
    for key, title, lists in export_parts():
        properties: dict[str, Any] = {"title": {"const": title}}
        for export_list in lists:
            properties[export_list.name] = {"type": "array", "items": _row_schema(export_list)}
        parts[key] = {
            "type": "object",
            "properties": properties,
            "required": sorted(properties),
            "additionalProperties": False,
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Reclaim export",
        "description": (
            "Everything a member keeps in Reclaim, as they took it with them. "
            "Dates are ISO 8601; rows keep their ids so links between them can be followed."
        ),
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "exported_at": {"type": "string", "format": "date-time"},
            "parts": {
                "type": "object",
                "properties": parts,
                "required": sorted(parts),
                "additionalProperties": False,
            },
        },
        "required": ["exported_at", "format", "parts", "version"],
        "additionalProperties": False,
    }


def problems(built: dict[str, Any]) -> list[str]:
    """Where `built` breaks the schema (empty when it meets it), each as path and rule.

    Never the value itself: these go to the log, and a value may be the
    member's words.
    """
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [
        "/".join(str(step) for step in error.absolute_path) + f" ({error.validator})"
        for error in validator.iter_errors(built)
    ]
