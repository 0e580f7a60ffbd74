"""Saving what a member typed in a tool: sealed, and listened to for risk.

Every tool's actions call `save_listened` for anything with free text, so
that no tool can forget the safety check: the words are listened to before
the transaction (pure computation), then the row and any moment of risk are
saved in one transaction, both or neither. Saving is never blocked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from django.db import transaction
from django.utils import timezone

from reclaim.safety import response as safety
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

if TYPE_CHECKING:
    from django.db.models import Model

    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

M = TypeVar("M", bound="Model")


def listened_text(parts: Iterable[object]) -> str:
    """The words to listen to: every non-empty part, one per line."""
    return "\n".join(str(part).strip() for part in parts if part and str(part).strip())


def today_for(user: User) -> date:
    """The member's calendar day now, in their own time zone."""
    return timezone.localdate(timezone.now(), user.zone)


def save_listened(
    user: User,
    source: str,
    words: Iterable[object],
    fill: Callable[[], M],
    update_fields: list[str] | None = None,
) -> tuple[M, RiskEvent | None]:
    """Listen to `words`, then, in one transaction, save what `fill()` returns and any risk.

    `fill` builds or changes the row (assigning its sealed fields) and
    returns it unsaved; the values are sealed here, inside the key cache, so
    sealing costs one key unwrap. `source` is the tool's short code (its module name), kept with a
    moment of risk so the member's record says where it came from.
    Returns the saved row and the moment of risk, if one was heard: the view
    passes it to `safety.response.mark_pending` so the calm panel shows.
    """
    heard = safety.listen(listened_text(words), user.language)
    with key_cache(), transaction.atomic():
        row = fill()
        seal(row)
        if update_fields is None:
            row.save()
        else:
            row.save(update_fields=update_fields)
        event = safety.record(user, heard, source, item=row.pk)
    return row, event
