"""Every write to a member's value sorts goes through here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import timezone

from reclaim.toolkit.forms import TEXT_LIMIT
from reclaim.toolkit.writing import save_listened, today_for

from .catalog import get_value
from .forms import TOP
from .models import Sort

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent


def do_save_sort(
    user: User, chosen: list[str], words: Mapping[str, str]
) -> tuple[Sort, RiskEvent | None]:
    """Seal a finished sort: the chosen codes in order, each with the member's words.

    The forms give kind messages first; these checks are the last guard for
    callers that skip them.
    """
    codes = list(dict.fromkeys(chosen))
    if not 1 <= len(codes) <= TOP or not all(get_value(code) for code in codes):
        raise ValidationError("A sort keeps one to five known values.")
    top = [{"code": code, "words": str(words.get(code, "")).strip()} for code in codes]
    if any(len(item["words"]) > TEXT_LIMIT for item in top):
        raise ValidationError("Those words are longer than a sort can hold.")

    def fill() -> Sort:
        sort = Sort(owner=user, created=timezone.now(), day=today_for(user))
        sort.top = top
        return sort

    return save_listened(user, "values", [item["words"] for item in top], fill)


def do_delete_sort(sort: Sort) -> None:
    sort.delete()
