"""Every write to a member's boundaries and their logs goes through here.

Everything typed is saved through `save_listened`, so it is sealed and
listened to for risk in the same step. Whenever a log changes, the
boundary's tally of how often it held is rebuilt from its whole log, so the
pages never have to open every note to count.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from reclaim.toolkit.forms import TEXT_LIMIT
from reclaim.toolkit.writing import save_listened, today_for
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows, seal

from .held import OUTCOME_NAMES, tally
from .models import Boundary, Occasion
from .queries import value_name
from .script import compose

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

_PARTS = ("behaviour", "need", "action")


def _text(data: Mapping[str, Any], name: str) -> str:
    words = str(data.get(name) or "").strip()
    if len(words) > TEXT_LIMIT:
        raise ValidationError("Those words are longer than a boundary can hold.")
    return words


def _boundary_fields(data: Mapping[str, Any]) -> tuple[dict[str, str], str]:
    parts = {name: _text(data, name) for name in _PARTS}
    code = str(data.get("value") or "")
    parts["value"] = code if value_name(code) else ""
    script = _text(data, "script") or compose(
        parts["behaviour"], value_name(parts["value"]), parts["need"], parts["action"]
    )
    if not script:
        raise ValidationError("A boundary needs at least a few words.")
    return parts, script


def _words(parts: Mapping[str, str], script: str) -> list[str]:
    return [parts["behaviour"], parts["need"], parts["action"], script]


def do_create_boundary(user: User, data: Mapping[str, Any]) -> tuple[Boundary, RiskEvent | None]:
    """Save a new boundary; an empty script is composed from its parts."""
    parts, script = _boundary_fields(data)

    def fill() -> Boundary:
        now = timezone.now()
        boundary = Boundary(owner=user, created=now, updated=now, day=today_for(user))
        boundary.parts = parts
        boundary.script = script
        boundary.tally = tally([])
        return boundary

    return save_listened(user, "boundaries", _words(parts, script), fill)


def do_update_boundary(
    boundary: Boundary, data: Mapping[str, Any]
) -> tuple[Boundary, RiskEvent | None]:
    parts, script = _boundary_fields(data)

    def fill() -> Boundary:
        boundary.parts = parts
        boundary.script = script
        boundary.updated = timezone.now()
        return boundary

    return save_listened(
        boundary.owner,
        "boundaries",
        _words(parts, script),
        fill,
        update_fields=["parts_sealed", "script_sealed", "updated"],
    )


def do_delete_boundary(boundary: Boundary) -> None:
    # Its log goes with it (the foreign key cascades).
    boundary.delete()


def _retally(boundary: Boundary) -> None:
    """Count again how often the boundary held, from its whole log."""
    with key_cache():
        log = open_rows(
            Occasion.objects.filter(boundary=boundary).only(
                "id", "owner_id", "day", "created", "record_sealed"
            ),
            "record",
        )
        boundary.tally = tally(
            (f"{o.day.isoformat()}T{o.created.isoformat()}", o.outcome) for o in log
        )
        seal(boundary)
        boundary.save(update_fields=["tally_sealed"])


def _occasion_fields(data: Mapping[str, Any], today: date) -> tuple[date, dict[str, str]]:
    day = data.get("day")
    outcome = str(data.get("outcome") or "")
    if not isinstance(day, date) or day > today:
        raise ValidationError("A time a boundary was tested needs a day that has been.")
    if outcome not in OUTCOME_NAMES:
        raise ValidationError("Held, partly held or did not hold.")
    return day, {"what": _text(data, "what"), "outcome": outcome, "did": _text(data, "did")}


def do_log_occasion(
    boundary: Boundary, data: Mapping[str, Any]
) -> tuple[Occasion, RiskEvent | None]:
    """Note a time the boundary was tested, and count again how often it held."""
    user = boundary.owner
    day, record = _occasion_fields(data, today_for(user))

    def fill() -> Occasion:
        occasion = Occasion(owner=user, boundary=boundary, created=timezone.now(), day=day)
        occasion.record = record
        return occasion

    with transaction.atomic():
        saved = save_listened(user, "boundaries", [record["what"], record["did"]], fill)
        _retally(boundary)
    return saved


def do_update_occasion(
    occasion: Occasion, data: Mapping[str, Any]
) -> tuple[Occasion, RiskEvent | None]:
    day, record = _occasion_fields(data, today_for(occasion.owner))

    def fill() -> Occasion:
        occasion.day = day
        occasion.record = record
        return occasion

    with transaction.atomic():
        saved = save_listened(
            occasion.owner,
            "boundaries",
            [record["what"], record["did"]],
            fill,
            update_fields=["day", "record_sealed"],
        )
        _retally(occasion.boundary)
    return saved


def do_delete_occasion(occasion: Occasion) -> None:
    boundary = occasion.boundary
    with transaction.atomic():
        occasion.delete()
        _retally(boundary)
