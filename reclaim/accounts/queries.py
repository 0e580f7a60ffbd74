"""Every read of an account that a view or another app needs."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connections, router
from django.utils import timezone

from reclaim.vault.crypto import KEY_COLUMNS, data_key_join, keep_data_key
from reclaim.vault.fields import open_row

from .models import Export, RecoveryCode, Situation, User


def with_display_name(user: User) -> User:
    """The member with their sealed display name opened, ready to greet them.

    `request.user` arrives with the name still sealed; pages that show it (or
    forms that offer it for change) open it here, once, on purpose.
    """
    return open_row(user, "display_name")


@cache
def _member_sql(alias: str) -> str:
    """The member read's SQL for a database, written once per process."""
    quote = connections[alias].ops.quote_name

    # Names from the models, quoted; the id goes as a parameter. The columns
    # are named rather than `*`: PostgreSQL keeps this query prepared on each
    # connection, and a prepared `*` breaks when a migration adds a column
    # while the app servers run.
    def column(field: Any) -> str:
        return "u." + quote(str(field.column))

    user_columns = ", ".join(column(field) for field in User._meta.concrete_fields)
    user_id = column(User._meta.pk)
    key_columns, key_join = data_key_join(quote, user_id)
    return (
        f"SELECT {user_columns}, {key_columns} "  # noqa: S608
        f"FROM {quote(User._meta.db_table)} u {key_join} WHERE {user_id} = %s"
    )


def signed_in_user(user_id: Any) -> User | None:
    """The account a session names, read on every signed-in request.

    A raw query (the model's own columns, converted as the ORM would) skips
    the ORM's query building, which cost more than half of this read; the
    row and the checks made on it are the same. The member's wrapped data key
    comes in the same query and goes to the request's key cache, so the
    page's first sealed value costs no query of its own.
    """
    try:
        pk = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    sql = _member_sql(router.db_for_read(User))
    user = next(iter(User.objects.raw(sql, [pk])), None)
    if user is None:
        return None
    # raw() hands the key's columns over as extra attributes of the row; they
    # go to the key cache and are taken off the member, who carries no key.
    key_id, master_key_id, wrapped = (getattr(user, name) for name in KEY_COLUMNS)
    for name in KEY_COLUMNS:
        delattr(user, name)
    if key_id is not None:
        keep_data_key(user.pk, key_id, master_key_id, wrapped)
    return user


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
