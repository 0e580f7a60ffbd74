"""Every read of an account that a view or another app needs."""

from __future__ import annotations

from typing import Any

from .models import RecoveryCode, Situation, User


def situation_details(user: User) -> dict[str, Any]:
    """What the member told us about what happened, or nothing yet."""
    situation = Situation.objects.filter(owner=user).first()
    return situation.details if situation else {}


def has_recovery_codes(user: User) -> bool:
    """Whether codes were ever made for the member, used or not."""
    return RecoveryCode.objects.filter(owner=user).exists()


def recovery_codes_left(user: User) -> int:
    return RecoveryCode.objects.filter(owner=user, used__isnull=True).count()


def member_named(username: str) -> User | None:
    """The account with this username, whatever its case, or None."""
    return User.objects.filter(username__iexact=username).first()
