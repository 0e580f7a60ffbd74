"""Every write the safety screens make goes through here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from reclaim.vault.fields import seal

from .models import SECTION_KEYS, RiskEvent, SafetyPlan

if TYPE_CHECKING:
    from reclaim.accounts.models import User

LEVEL_RANK = {"none": 0, "elevated": 1, "urgent": 2}


def do_record_risk(
    user: User,
    *,
    source: str,
    item: str | None = None,
    level: str,
    categories: Iterable[str],
    reasons: Iterable[str],
    created: datetime | None = None,
) -> RiskEvent:
    """Keep one moment of risk in the member's own sealed record.

    Writing code does not call this directly: it calls ``response.record`` inside
    the transaction that saves the words (see response.py).
    """
    if level not in ("elevated", "urgent"):
        raise ValueError("only elevated or urgent moments are recorded")
    event = RiskEvent(owner=user)
    event.details = {
        "created": (created or timezone.now()).isoformat(),
        "source": source,
        "item": item,
        "level": level,
        "categories": sorted(set(categories)),
        "reasons": [str(reason) for reason in reasons],
    }
    seal(event)
    event.save(force_insert=True)
    return event


def do_acknowledge(event: RiskEvent) -> None:
    """The member said they are OK for now; stop showing the panel."""
    if event.acknowledged is None:
        event.answer = {**(event.answer or {}), "acknowledged": timezone.now().isoformat()}
        seal(event)
        event.save(update_fields=["answer_sealed"])


def do_answer_safety_check(event: RiskEvent, *, thinking: str, safe: str) -> RiskEvent:
    """Keep the member's answers to the short safety check, sealed, and close the panel."""
    now = timezone.now().isoformat()
    earlier = event.answer or {}
    event.answer = {
        "acknowledged": earlier.get("acknowledged") or now,
        "thinking": thinking,
        "safe": safe,
        "answered": now,
    }
    seal(event)
    event.save(update_fields=["answer_sealed"])
    return event


def do_delete_event(event: RiskEvent) -> None:
    event.delete()


@transaction.atomic
def do_save_safety_plan(user: User, sections: dict[str, list[str]]) -> SafetyPlan:
    """Seal and keep the member's plan.

    The plan is deliberately not scanned for risk: a good plan names the hard
    moments ("when I think about pills, I give them to Sam"), and meeting that with
    a crisis panel would punish the member for doing exactly the right thing.
    """
    plan = SafetyPlan.objects.select_for_update().filter(owner=user).first()
    if plan is None:
        plan = SafetyPlan(owner=user)
    plan.sections = {key: list(sections.get(key, [])) for key in SECTION_KEYS}
    seal(plan)
    plan.save()
    return plan
