"""Reading accounts, for this app and for others."""

from __future__ import annotations

from typing import Any

from reclaim.vault.fields import open_row

from .models import Situation, User


def with_display_name(user: User) -> User:
    """The member with their sealed display name opened, ready to greet them.

    `request.user` arrives with the name still sealed; pages that show it (or
    forms that offer it for change) open it here, once, on purpose.
    """
    return open_row(user, "display_name")


def situation_details(user: User) -> dict[str, Any]:
    """What the member told us about what happened, opened; {} when nothing yet."""
    situation = open_row(Situation.objects.filter(owner=user).first(), "details")
    return (situation.details or {}) if situation else {}
