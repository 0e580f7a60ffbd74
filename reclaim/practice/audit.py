"""The audit log: every practitioner's and operator's write, in one line each.

Actions call `record` inside the same transaction as the write, so a write
and its line land together or not at all. A line names the actor, a fixed
action name, and the practice object (type, id, a short label such as an
article's title); never anything a member wrote.
"""

from __future__ import annotations

from typing import Any

from .models import AuditEntry


def record(actor: Any, action: str, target: Any = None, label: str = "") -> AuditEntry:
    """Write one audit line: `actor` did `action` (e.g. "article.publish") to `target`."""
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=getattr(actor, "username", "") or "system",
        action=action,
        target_type=target._meta.model_name if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=(label or (str(target) if target is not None else ""))[:200],
    )
