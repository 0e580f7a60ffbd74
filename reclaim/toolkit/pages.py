"""What tool views share: finding the member's own row, and showing a moment of risk."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.shortcuts import get_object_or_404

from reclaim.safety.response import mark_pending
from reclaim.vault.fields import open_row

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet
    from django.http import HttpRequest

    from reclaim.safety.models import RiskEvent

M = TypeVar("M", bound="Model")


def own(request: HttpRequest, rows_of: Callable[[Any], QuerySet[M]], pk: uuid.UUID) -> M:
    """The signed-in member's row, opened, or 404.

    `rows_of` is one of the tool's queries (`queries.owned_entries`), so a
    view reads through queries and never names a model's manager. Filtering
    by owner, here too, makes someone else's row look exactly like a missing
    one: a 404, never a hint that it exists.
    """
    return open_row(get_object_or_404(rows_of(request.user), pk=pk, owner=request.user))


def after_save(request: HttpRequest, event: RiskEvent | None) -> None:
    """Let the next page show the calm panel when risk was heard in what was saved."""
    if event is not None:
        mark_pending(request, event)
