"""Every write of the self-compassion tool."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from reclaim.toolkit.writing import save_listened

from .models import Break
from .steps import FIELDS

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

SOURCE = "compassion"


def do_save_break(user: User, data: Mapping[str, Any]) -> tuple[Break, RiskEvent | None]:
    """Keep a finished break (sealed), and listen to its words for risk.

    A break with every box left empty is kept too: taking the few minutes
    is what counts.
    """
    answers = {name: str(data.get(name) or "").strip() for name in FIELDS}

    def fill() -> Break:
        now = timezone.now()
        row = Break(owner=user, created=now, day=timezone.localdate(now, user.zone))
        for name, value in answers.items():
            setattr(row, name, value)
        return row

    return save_listened(user, SOURCE, answers.values(), fill)


def do_delete_break(row: Break) -> None:
    row.delete()
