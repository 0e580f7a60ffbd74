"""Every write to the anger log goes through here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from reclaim.toolkit.writing import save_listened

from .models import PLACE_NAMES, Entry

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

SOURCE = "anger"
_WORDS = ("trigger", "urge", "action", "own_place")


def _checked(data: Mapping[str, Any]) -> dict[str, Any]:
    """The tidied answers; the form gives kind messages first, this is the last guard."""
    try:
        intensity = int(data.get("intensity", 0))
    except (TypeError, ValueError):
        raise ValidationError("The strength is a number from 0 to 10.") from None
    if not 0 <= intensity <= 10:
        raise ValidationError("The strength is a number from 0 to 10.")
    places = [code for code in data.get("places") or [] if code in PLACE_NAMES]
    fields = {name: str(data.get(name) or "").strip() for name in _WORDS}
    return {"intensity": intensity, "places": places, **fields}


def _fill(entry: Entry, fields: Mapping[str, Any]) -> Entry:
    entry.feeling = {
        "intensity": fields["intensity"],
        "places": fields["places"],
        "own_place": fields["own_place"],
    }
    entry.trigger = fields["trigger"]
    entry.urge = fields["urge"]
    entry.action = fields["action"]
    return entry


def do_log(user: User, data: Mapping[str, Any]) -> tuple[Entry, RiskEvent | None]:
    """Save a new moment of anger, listened to for risk."""
    fields = _checked(data)
    now = timezone.now()

    def fill() -> Entry:
        return _fill(Entry(owner=user, created=now, day=timezone.localdate(now, user.zone)), fields)

    return save_listened(user, SOURCE, [fields[name] for name in _WORDS], fill)


def do_update(entry: Entry, data: Mapping[str, Any]) -> tuple[Entry, RiskEvent | None]:
    """Change what was logged; the day it happened stays as it was."""
    fields = _checked(data)
    return save_listened(
        entry.owner,
        SOURCE,
        [fields[name] for name in _WORDS],
        lambda: _fill(entry, fields),
        update_fields=["feeling_sealed", "trigger_sealed", "urge_sealed", "action_sealed"],
    )


def do_delete(entry: Entry) -> None:
    entry.delete()
