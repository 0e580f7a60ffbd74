"""Every read of a member's risk events.

Nothing about an event but its owner and id is in a plain column (see models.py),
so the database can neither order nor filter them: they are read for one member,
opened, and ordered and filtered here. A member has few events (a handful in a
hard month), so this stays cheap; the README's privacy section says what this
costs and what still leaks.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.shortcuts import get_object_or_404

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_row, open_rows

from .models import RiskEvent, SafetyPlan


def events_of(user) -> list[RiskEvent]:
    """All of the member's events, newest first. One query; each opened once."""
    with key_cache():
        events = open_rows(RiskEvent.objects.filter(owner=user))
        events.sort(key=lambda event: event.created, reverse=True)
    return events


def event_of(user, event_id: object) -> RiskEvent | None:
    """One event of this member's, or None (also for anyone else's id or a malformed one)."""
    try:
        wanted = event_id if isinstance(event_id, uuid.UUID) else uuid.UUID(str(event_id))
    except ValueError:
        return None
    return open_row(RiskEvent.objects.filter(pk=wanted, owner=user).first())


def own_event(user, event_id: uuid.UUID) -> RiskEvent:
    """One of the member's events, opened; 404 for anyone else's, as for a missing one."""
    return open_row(get_object_or_404(RiskEvent, pk=event_id, owner=user))


def safety_plan_of(user) -> SafetyPlan | None:
    """The member's safety plan, opened, or None before they make one."""
    return open_row(SafetyPlan.objects.filter(owner=user).first())


def recent_events(user, since: datetime) -> list[RiskEvent]:
    """The member's events from ``since`` on, newest first."""
    return [event for event in events_of(user) if event.created >= since]
