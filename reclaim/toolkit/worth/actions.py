"""Every write to the self-worth tool goes through here.

What the member writes is sealed and listened to for risk (save_listened);
saving is never blocked.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone

from reclaim.toolkit.writing import save_listened, today_for

from .models import KINDS, Evidence, Item

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

SOURCE = "worth"


def do_add_item(user: User, kind: str, text: str, note: str = "") -> tuple[Item, RiskEvent | None]:
    """Keep a new strength or accomplishment."""
    if kind not in dict(KINDS):
        raise ValueError(f"unknown kind: {kind}")

    def fill() -> Item:
        item = Item(owner=user, kind=kind, day=today_for(user))
        item.text = text.strip()
        item.note = note.strip()
        return item

    return save_listened(user, SOURCE, [text, note], fill)


def do_update_item(item: Item, text: str, note: str = "") -> tuple[Item, RiskEvent | None]:
    def fill() -> Item:
        item.text = text.strip()
        item.note = note.strip()
        item.updated = timezone.now()
        return item

    return save_listened(
        item.owner,
        SOURCE,
        [text, note],
        fill,
        update_fields=["text_sealed", "note_sealed", "updated"],
    )


def do_delete_item(item: Item) -> None:
    item.delete()


def do_add_evidence(
    user: User, text: str, day: date | None = None
) -> tuple[Evidence, RiskEvent | None]:
    """Keep one line of evidence, dated `day` (today in the member's time zone by default)."""

    def fill() -> Evidence:
        evidence = Evidence(owner=user, day=day or today_for(user))
        evidence.text = text.strip()
        return evidence

    return save_listened(user, SOURCE, [text], fill)


def do_update_evidence(
    evidence: Evidence, text: str, day: date | None = None
) -> tuple[Evidence, RiskEvent | None]:
    def fill() -> Evidence:
        evidence.text = text.strip()
        if day is not None:
            evidence.day = day
        return evidence

    return save_listened(evidence.owner, SOURCE, [text], fill, update_fields=["text_sealed", "day"])


def do_delete_evidence(evidence: Evidence) -> None:
    evidence.delete()
