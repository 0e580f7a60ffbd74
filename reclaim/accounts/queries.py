"""Every read of an account that a view or another app needs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connections, router
from django.utils import timezone

from reclaim.vault.fields import open_row

from .models import Export, RecoveryCode, Situation, User


def with_display_name(user: User) -> User:
    """The member with their sealed display name opened, ready to greet them.

    `request.user` arrives with the name still sealed; pages that show it (or
    forms that offer it for change) open it here, once, on purpose.
    """
    return open_row(user, "display_name")


def signed_in_user(user_id: Any) -> User | None:
    """The account a session names, read on every signed-in request.

    A raw query (the model's own columns, converted as the ORM would) skips
    the ORM's query building, which cost more than half of this read; the
    row and the checks made on it are the same.
    """
    try:
        pk = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    connection = connections[router.db_for_read(User)]
    quote = connection.ops.quote_name
    # Names from the model, quoted; the id goes as a parameter.
    sql = (
        f"SELECT * FROM {quote(User._meta.db_table)} WHERE {quote(str(User._meta.pk.column))} = %s"  # noqa: S608
    )
    return next(iter(User.objects.raw(sql, [pk])), None)


def situation_details(user: User) -> dict[str, Any]:
    """What the member told us about what happened, opened; {} when nothing yet."""
    situation = open_row(Situation.objects.filter(owner=user).first(), "details")
    return (situation.details or {}) if situation else {}


def has_recovery_codes(user: User) -> bool:
    """Whether codes were ever made for the member, used or not."""
    return RecoveryCode.objects.filter(owner=user).exists()


def recovery_codes_left(user: User) -> int:
    return RecoveryCode.objects.filter(owner=user, used__isnull=True).count()


def member_named(username: str) -> User | None:
    """The account with this username, whatever its case, or None."""
    return User.objects.filter(username__iexact=username).first()


def current_export(user: User) -> Export | None:
    """The member's copy being made or waiting to be downloaded, if any (never the file)."""
    return (
        Export.objects.filter(owner=user, expires__gt=timezone.now()).defer("file_sealed").first()
    )
