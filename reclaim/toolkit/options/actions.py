"""Every write to the options snapshots goes through here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from reclaim.toolkit.writing import save_listened

from .models import PATH_CODES, QUESTION_CODES, Snapshot

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

SOURCE = "options"


def _checked(data: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each path's tidied words and number; the form gives kind messages first."""
    view: dict[str, dict[str, Any]] = {}
    for code in PATH_CODES:
        given = data.get(code) or {}
        drawn = given.get("drawn")
        if drawn is not None and (not isinstance(drawn, int) or not 0 <= drawn <= 10):
            raise ValidationError("How drawn you feel is a number from 0 to 10.")
        view[code] = {"drawn": drawn}
        for question in QUESTION_CODES:
            view[code][question] = str(given.get(question) or "").strip()
    return view


def do_save_snapshot(
    user: User, data: Mapping[str, Mapping[str, Any]]
) -> tuple[Snapshot, RiskEvent | None]:
    """Save where the member stands today, as a new dated snapshot, listened to for risk."""
    view = _checked(data)
    now = timezone.now()

    def fill() -> Snapshot:
        snapshot = Snapshot(owner=user, created=now, day=timezone.localdate(now, user.zone))
        snapshot.view = view
        return snapshot

    words = [view[code][question] for code in PATH_CODES for question in QUESTION_CODES]
    return save_listened(user, SOURCE, words, fill)


def do_delete_snapshot(snapshot: Snapshot) -> None:
    snapshot.delete()
