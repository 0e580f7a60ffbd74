"""Every read of a member's risk events and safety plan.

Nothing about an event but its owner and id is in a plain column (see models.py),
so the database can neither order nor filter them: they are read for one member,
opened, and ordered and filtered here. A member has few events (a handful in a
hard month), so this stays cheap; the README's privacy section says what this
costs and what still leaks.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_row, open_rows

from .models import SECTIONS, RiskEvent, SafetyPlan, Section

if TYPE_CHECKING:
    from reclaim.accounts.models import User


def events_of(user: User) -> list[RiskEvent]:
    """All of the member's events, newest first. One query; each opened once."""
    with key_cache():
        events = open_rows(RiskEvent.objects.filter(owner=user))
        events.sort(key=lambda event: event.created, reverse=True)
    return events


def event_of(user: User, event_id: object) -> RiskEvent | None:
    """One event of this member's, opened, or None (also for anyone else's id or a malformed one)."""
    try:
        wanted = event_id if isinstance(event_id, uuid.UUID) else uuid.UUID(str(event_id))
    except ValueError:
        return None
    return open_row(RiskEvent.objects.filter(pk=wanted, owner=user).first())


def plan_sections(plan: SafetyPlan | None) -> list[tuple[Section, list[str]]]:
    """Every section of the plan in its order, with the member's lines (empty if none)."""
    if plan is None:
        return []
    return [(section, plan.items(section.key)) for section in SECTIONS]


def safety_plan_of(user: User) -> SafetyPlan | None:
    """The member's safety plan, opened, or None before they first save one."""
    return open_row(SafetyPlan.objects.filter(owner=user).first())


def recent_events(user: User, since: datetime) -> list[RiskEvent]:
    """The member's events from ``since`` on, newest first."""
    return [event for event in events_of(user) if event.created >= since]
