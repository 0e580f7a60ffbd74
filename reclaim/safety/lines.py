"""Crisis and domestic-abuse lines for the safety screen, one JSON file per country.

The data lives in ``reclaim/safety/crisis_lines/<iso code>.json`` and ships inside the
wheel. ``_fallback.json`` is used for every country without its own file: plain-words
guidance and a link to an independent directory of helplines. ``_emergency_numbers.json``
gives every country in django-countries its emergency number (null where none could be
checked), so the fallback still names a number to call. Every file is validated when it is loaded, so a
typo in a number or a field name fails loudly instead of reaching a person in crisis.

Pure Python: no Django import, so it can be used from settings, views, tasks and tests.

See ``docs/crisis-lines.md`` for how to add or update a country.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any
from urllib.parse import quote

__all__ = [
    "CONTACT_KINDS",
    "Contact",
    "CountryLines",
    "Emergency",
    "Line",
    "all_countries",
    "load_country",
    "load_fallback",
    "load_file",
]

DATA_PACKAGE = "reclaim.safety"
DATA_DIR_NAME = "crisis_lines"
FALLBACK_FILE = "_fallback.json"
EMERGENCY_FILE = "_emergency_numbers.json"
#: The GSM emergency number: most mobile phones reach emergency services with it in many
#: countries, even without a SIM card. Offered when a country's own number is unknown.
GSM_EMERGENCY = "112"
# A short emergency number as dialled: two to six digits ("15", "112", "10111").
_SHORT_NUMBER_RE = re.compile(r"^\d{2,6}$")

#: Kinds of contact. ``call``, ``text`` and ``tty`` carry a number; ``chat`` and ``web``
#: an https address; ``email`` an address.
CONTACT_KINDS = frozenset({"call", "text", "chat", "tty", "email", "web"})
NUMBER_KINDS = frozenset({"call", "tty"})

# Codes people commonly use that are not the ISO 3166-1 code of a file we ship.
_ALIASES = {"uk": "gb"}

_CODE_RE = re.compile(r"^[a-z]{2}$")
_COUNTRY_FILE_RE = re.compile(r"^[a-z]{2}\.json$")
# A dialable number as written: optional +, digits, spaces, dashes, dots, brackets.
_NUMBER_RE = re.compile(r"^\+?\d[\d\s().-]*$")
# "text 1737", "text HELP to 51444", "text 0477 13 11 14", or a bare number.
_TEXT_RE = re.compile(
    r"^(?:text\s+)?(?:(?P<keyword>[A-Za-z0-9]+)\s+to\s+)?(?P<number>\+?\d[\d\s().-]*)$",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _dial_digits(number: str) -> str:
    """Keep a leading + and the digits: "1-800-273-8255" -> "18002738255"."""
    digits = re.sub(r"\D", "", number)
    return f"+{digits}" if number.strip().startswith("+") else digits


@dataclass(frozen=True)
class Contact:
    """One way to reach a line: a number to call or text, or an address."""

    kind: str
    #: Exactly as the source gives it: "988", "116 123", "text START to 88788",
    #: "https://988lifeline.org", "jo@samaritans.org".
    value: str
    #: Optional short plain-words note, e.g. "Standard message rates apply."
    note: str = ""

    @property
    def number(self) -> str:
        """The digits to dial or text (with a leading + if any); empty for addresses."""
        if self.kind in NUMBER_KINDS:
            return _dial_digits(self.value)
        if self.kind == "text":
            match = _TEXT_RE.match(self.value.strip())
            return _dial_digits(match.group("number")) if match else ""
        return ""

    @property
    def keyword(self) -> str:
        """The word to send for text lines that ask for one ("HOME", "START"), else ""."""
        if self.kind != "text":
            return ""
        match = _TEXT_RE.match(self.value.strip())
        return (match.group("keyword") or "") if match else ""

    @property
    def href(self) -> str:
        """A link that opens the right app: tel:, sms:, mailto: or the https address."""
        if self.kind in NUMBER_KINDS:
            return f"tel:{self.number}"
        if self.kind == "text":
            href = f"sms:{self.number}"
            if self.keyword:
                # "?&body=" is understood by both iOS and Android messaging apps.
                href += f"?&body={quote(self.keyword)}"
            return href
        if self.kind == "email":
            return f"mailto:{self.value.strip()}"
        return self.value.strip()


@dataclass(frozen=True)
class Line:
    """A crisis or domestic-abuse service."""

    name: str
    #: One warm, plain sentence about who it is for.
    description: str
    contacts: tuple[Contact, ...]
    #: Where the details were seen (https address); None only for plain-words guidance
    #: in the fallback, which has no contacts.
    source: str | None
    last_checked: date
    #: Opening hours as the source gives them ("24/7"), or None when not stated.
    hours: str | None = None
    #: Part of the country the line covers ("England", "Ontario"), or None for all of it.
    region: str | None = None
    other_sources: tuple[str, ...] = ()
    #: False when the research could not confirm the details; ``note`` says why.
    verified: bool = True
    note: str = ""

    def contacts_of(self, kind: str) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.kind == kind)


@dataclass(frozen=True)
class Emergency:
    """The country's emergency number(s). Shown first whenever risk is high."""

    #: The main number, e.g. "911"; None only when no number for the country is known.
    number: str | None
    last_checked: date
    other_numbers: tuple[str, ...] = ()
    #: Plain words to show, used by the fallback ("call your local emergency number").
    description: str = ""
    source: str | None = None
    verified: bool = True
    note: str = ""

    @property
    def numbers(self) -> tuple[str, ...]:
        return ((self.number,) if self.number else ()) + self.other_numbers

    @property
    def contacts(self) -> tuple[Contact, ...]:
        return tuple(Contact(kind="call", value=n) for n in self.numbers)

    @property
    def gsm(self) -> Contact:
        """112, for when the country's own number is unknown (see GSM_EMERGENCY)."""
        return Contact(kind="call", value=GSM_EMERGENCY)


@dataclass(frozen=True)
class CountryLines:
    """Everything the safety screen needs for one country (or the fallback)."""

    code: str
    name: str
    emergency: Emergency
    crisis_lines: tuple[Line, ...]
    domestic_abuse_lines: tuple[Line, ...]
    #: Operator-facing note about gaps in the domestic-abuse list.
    domestic_abuse_note: str = ""
    is_fallback: bool = False

    @property
    def lines(self) -> tuple[Line, ...]:
        return self.crisis_lines + self.domestic_abuse_lines

    @property
    def unverified(self) -> tuple[str, ...]:
        """Names of the details the research could not confirm, for operators."""
        found = [] if self.emergency.verified else [f"{self.name} emergency number"]
        found += [line.name for line in self.lines if not line.verified]
        return tuple(found)


# --- validation -------------------------------------------------------------------------


class _Checker:
    """Reads one parsed JSON file, raising ValueError("<file>: <field>: <problem>")."""

    def __init__(self, filename: str) -> None:
        self.filename = filename

    def fail(self, field: str, problem: str) -> ValueError:
        return ValueError(f"{self.filename}: field {field!r} {problem}")

    def obj(self, value: Any, field: str, allowed: set[str], required: set[str]) -> dict:
        if not isinstance(value, dict):
            raise self.fail(field or "(top level)", "must be an object")
        missing = sorted(required - value.keys())
        if missing:
            raise self.fail(f"{field}.{missing[0]}" if field else missing[0], "is missing")
        unknown = sorted(value.keys() - allowed)
        if unknown:
            key = unknown[0]
            raise self.fail(f"{field}.{key}" if field else key, "is not a known field (typo?)")
        return value

    def text(self, data: dict, key: str, field: str, *, optional: bool = False) -> str | None:
        value = data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "must be a non-empty string")
        return value.strip()

    def flag(self, data: dict, key: str, field: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(field, "must be true or false")
        return value

    def url(self, value: Any, field: str) -> str:
        if not isinstance(value, str) or not value.startswith(("https://", "http://")):
            raise self.fail(field, "must be a web address starting with http")
        return value

    def iso_date(self, data: dict, key: str, field: str) -> date:
        value = data.get(key)
        try:
            return date.fromisoformat(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise self.fail(field, "must be an ISO date such as 2026-11-25") from None

    def phone(self, value: Any, field: str) -> str:
        if not isinstance(value, str) or not _NUMBER_RE.match(value.strip()):
            raise self.fail(field, "must be a phone number (digits, spaces, dashes, +)")
        if len(_dial_digits(value)) < 3:
            raise self.fail(field, "must have at least three digits")
        return value.strip()

    def strings(self, data: dict, key: str, field: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(field, "must be a list")
        return tuple(self.text({"v": v}, "v", f"{field}[{i}]") or "" for i, v in enumerate(value))

    # --- parts ---

    def contact(self, raw: Any, field: str) -> Contact:
        data = self.obj(raw, field, {"kind", "value", "note"}, {"kind", "value"})
        kind = data["kind"]
        if kind not in CONTACT_KINDS:
            raise self.fail(f"{field}.kind", f"must be one of {', '.join(sorted(CONTACT_KINDS))}")
        value = self.text(data, "value", f"{field}.value") or ""
        if kind in NUMBER_KINDS:
            self.phone(value, f"{field}.value")
        elif kind == "text":
            if not _TEXT_RE.match(value):
                raise self.fail(
                    f"{field}.value", 'must read like "text 1737" or "text HELP to 51444"'
                )
        elif kind == "email":
            if not _EMAIL_RE.match(value):
                raise self.fail(f"{field}.value", "must be an e-mail address")
        elif not value.startswith("https://"):
            raise self.fail(f"{field}.value", "must be an address starting with https://")
        note = self.text(data, "note", f"{field}.note", optional=True) or ""
        return Contact(kind=kind, value=value, note=note)

    def line(self, raw: Any, field: str, *, fallback: bool) -> Line:
        allowed = {
            "name",
            "description",
            "hours",
            "region",
            "contacts",
            "source",
            "other_sources",
            "last_checked",
            "verified",
            "note",
        }
        required = {"name", "description", "contacts", "source", "last_checked"}
        data = self.obj(raw, field, allowed, required)
        if not isinstance(data["contacts"], list):
            raise self.fail(f"{field}.contacts", "must be a list")
        contacts = tuple(
            self.contact(c, f"{field}.contacts[{i}]") for i, c in enumerate(data["contacts"])
        )
        if fallback and any(c.kind != "web" for c in contacts):
            raise self.fail(
                f"{field}.contacts",
                "may hold only web links in the fallback (no unverified numbers)",
            )
        if not fallback and not contacts:
            raise self.fail(f"{field}.contacts", "must list at least one way to get in touch")
        source = data["source"]
        if contacts or source is not None:
            source = self.url(source, f"{field}.source")
        verified = self.flag(data, "verified", f"{field}.verified", True)
        note = self.text(data, "note", f"{field}.note", optional=True) or ""
        if not verified and not note:
            raise self.fail(f"{field}.note", "must say what to check when verified is false")
        return Line(
            name=self.text(data, "name", f"{field}.name") or "",
            description=self.text(data, "description", f"{field}.description") or "",
            contacts=contacts,
            source=source,
            last_checked=self.iso_date(data, "last_checked", f"{field}.last_checked"),
            hours=self.text(data, "hours", f"{field}.hours", optional=True),
            region=self.text(data, "region", f"{field}.region", optional=True),
            other_sources=tuple(
                self.url(s, f"{field}.other_sources[{i}]")
                for i, s in enumerate(self.strings(data, "other_sources", f"{field}.other_sources"))
            ),
            verified=verified,
            note=note,
        )

    def emergency(self, raw: Any, *, fallback: bool) -> Emergency:
        field = "emergency"
        allowed = {
            "number",
            "other_numbers",
            "description",
            "source",
            "last_checked",
            "verified",
            "note",
        }
        data = self.obj(raw, field, allowed, {"number", "last_checked"})
        number = data["number"]
        if number is None and not fallback:
            raise self.fail("emergency.number", "is missing")
        if number is not None:
            number = self.phone(number, "emergency.number")
        other = tuple(
            self.phone(n, f"emergency.other_numbers[{i}]")
            for i, n in enumerate(self.strings(data, "other_numbers", "emergency.other_numbers"))
        )
        description = self.text(data, "description", "emergency.description", optional=True)
        if number is None and not description:
            raise self.fail("emergency.description", "must say what to do when there is no number")
        verified = self.flag(data, "verified", "emergency.verified", True)
        note = self.text(data, "note", "emergency.note", optional=True) or ""
        if not verified and not note:
            raise self.fail("emergency.note", "must say what to check when verified is false")
        source = data.get("source")
        if source is not None or (number is not None and verified):
            source = self.url(source, "emergency.source")
        return Emergency(
            number=number,
            other_numbers=other,
            description=description or "",
            source=source,
            last_checked=self.iso_date(data, "last_checked", "emergency.last_checked"),
            verified=verified,
            note=note,
        )

    def country(self, raw: Any, *, expected_code: str | None) -> CountryLines:
        allowed = {
            "code",
            "name",
            "fallback",
            "emergency",
            "crisis_lines",
            "domestic_abuse_lines",
            "domestic_abuse_note",
        }
        required = {"code", "name", "emergency", "crisis_lines", "domestic_abuse_lines"}
        data = self.obj(raw, "", allowed, required)
        code = self.text(data, "code", "code") or ""
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise self.fail("code", "must be a two-letter upper-case ISO code such as GB")
        if expected_code is not None and code.lower() != expected_code:
            raise self.fail("code", f"must match the file name ({expected_code.upper()})")
        fallback = self.flag(data, "fallback", "fallback", False)
        lines: dict[str, tuple[Line, ...]] = {}
        for key in ("crisis_lines", "domestic_abuse_lines"):
            if not isinstance(data[key], list):
                raise self.fail(key, "must be a list")
            lines[key] = tuple(
                self.line(item, f"{key}[{i}]", fallback=fallback)
                for i, item in enumerate(data[key])
            )
        if not lines["crisis_lines"]:
            raise self.fail("crisis_lines", "must list at least one crisis line")
        return CountryLines(
            code=code,
            name=self.text(data, "name", "name") or "",
            emergency=self.emergency(data["emergency"], fallback=fallback),
            crisis_lines=lines["crisis_lines"],
            domestic_abuse_lines=lines["domestic_abuse_lines"],
            domestic_abuse_note=self.text(
                data, "domestic_abuse_note", "domestic_abuse_note", optional=True
            )
            or "",
            is_fallback=fallback,
        )


# --- loading ----------------------------------------------------------------------------


def _data_dir() -> Traversable:
    return resources.files(DATA_PACKAGE).joinpath(DATA_DIR_NAME)


def load_file(path: str | os.PathLike[str] | Traversable) -> CountryLines:
    """Load and validate one crisis-lines file from any path (no caching).

    A file named ``<xx>.json`` must carry the code XX. Raises ValueError naming the
    file and the field when anything is missing or malformed.
    """
    if isinstance(path, (str, os.PathLike)):
        path = Path(path)
    filename = path.name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{filename}: not valid JSON ({error})") from error
    except OSError as error:
        raise ValueError(f"{filename}: cannot be read ({error})") from error
    expected = filename[:-5] if _COUNTRY_FILE_RE.match(filename) else None
    return _Checker(filename).country(raw, expected_code=expected)


@lru_cache(maxsize=64)
def _load_bundled(filename: str) -> CountryLines:
    return load_file(_data_dir().joinpath(filename))


@lru_cache(maxsize=1)
def _bundled_country_files() -> tuple[str, ...]:
    return tuple(
        sorted(
            entry.name
            for entry in _data_dir().iterdir()
            if entry.is_file() and _COUNTRY_FILE_RE.match(entry.name)
        )
    )


def load_fallback() -> CountryLines:
    """The plain-words guidance used for countries without their own file."""
    return _load_bundled(FALLBACK_FILE)


@dataclass(frozen=True)
class EmergencyNumbers:
    """``_emergency_numbers.json``: one emergency number per country code (or None)."""

    numbers: dict[str, str | None]
    source: str
    last_checked: date
    method: str


def load_emergency_file(path: str | os.PathLike[str] | Traversable) -> EmergencyNumbers:
    """Load and validate an emergency-numbers file; ValueError names the problem."""
    if isinstance(path, (str, os.PathLike)):
        path = Path(path)
    check = _Checker(path.name)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, OSError) as error:
        raise ValueError(f"{path.name}: cannot be read as JSON ({error})") from error
    data = check.obj(
        raw,
        "",
        {
            "about",
            "source",
            "method",
            "last_checked",
            "chosen_by_hand",
            "overridden",
            "unsure",
            "not_in_source",
            "numbers",
        },
        {"source", "method", "last_checked", "numbers"},
    )
    numbers = data["numbers"]
    if not isinstance(numbers, dict) or not numbers:
        raise check.fail("numbers", "must be an object of country codes")
    for code, number in numbers.items():
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise check.fail(f"numbers.{code}", "must be keyed by an upper-case ISO code")
        if number is not None and not (isinstance(number, str) and _SHORT_NUMBER_RE.match(number)):
            raise check.fail(f"numbers.{code}", "must be 2 to 6 digits, or null")
    return EmergencyNumbers(
        numbers=dict(numbers),
        source=check.url(data["source"], "source"),
        last_checked=check.iso_date(data, "last_checked", "last_checked"),
        method=check.text(data, "method", "method") or "",
    )


@lru_cache(maxsize=1)
def emergency_numbers() -> EmergencyNumbers:
    """The bundled emergency number of every country."""
    return load_emergency_file(_data_dir().joinpath(EMERGENCY_FILE))


def _fallback_for(code: str) -> CountryLines:
    """The fallback, with the country's own emergency number where it is known."""
    fallback = load_fallback()
    table = emergency_numbers()
    number = table.numbers.get(code.upper()) if code else None
    if not number:
        return fallback
    emergency = replace(
        fallback.emergency,
        number=number,
        description="",
        source=table.source,
        last_checked=table.last_checked,
        verified=False,
        note="From a public list of emergency numbers; not checked on an official site "
        "of this country. See docs/crisis-lines.md.",
    )
    return replace(fallback, code=code.upper(), emergency=emergency)


# Bounded, because the code may come from a request (header, form, profile).
@lru_cache(maxsize=256)
def load_country(code: str) -> CountryLines:
    """Lines for an ISO 3166-1 alpha-2 code, any case ("gb", "GB").

    A country without its own file gets the fallback with its emergency number from
    ``_emergency_numbers.json``; an empty, unknown or malformed code gets the fallback as
    it is, so the safety screen always has something to show.
    """
    normal = (code or "").strip().lower()
    normal = _ALIASES.get(normal, normal)
    if _CODE_RE.match(normal):
        filename = f"{normal}.json"
        if filename in _bundled_country_files():
            return _load_bundled(filename)
        return _fallback_for(normal)
    return load_fallback()


def all_countries() -> list[CountryLines]:
    """Every shipped country (not the fallback), sorted by code."""
    return [_load_bundled(name) for name in _bundled_country_files()]
