"""Every write of the saying-no tool.

Free text is sealed and listened to for risk through `save_listened`, so
the row and any moment of risk are saved together and saving is never blocked.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from reclaim.toolkit.writing import save_listened, today_for

from .models import Practice, RealNo
from .scenarios import get_scenario

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

SOURCE = "sayno"


def do_save_practice(
    user: User, scenario_code: str, draft: str, moment: str = ""
) -> tuple[Practice, RiskEvent | None]:
    """Keep a practice reply for a scenario (sealed), and listen to it."""
    scenario = get_scenario(scenario_code)
    if scenario is None:
        raise ValueError("unknown scenario")
    draft = (draft or "").strip()
    moment = (moment or "").strip() if scenario.code == "own" else ""

    def fill() -> Practice:
        now = timezone.now()
        practice = Practice(owner=user, created=now, day=timezone.localdate(now, user.zone))
        practice.scenario = scenario.code
        practice.moment = moment
        practice.draft = draft
        return practice

    return save_listened(user, SOURCE, [moment, draft], fill)


def do_delete_practice(practice: Practice) -> None:
    practice.delete()


def _fill_real(real: RealNo, data: Mapping[str, Any]) -> RealNo:
    real.day = data["day"]
    real.who = (data.get("who") or "").strip()
    real.said = (data.get("said") or "").strip()
    real.went = (data.get("went") or "").strip()
    felt = data.get("felt")
    real.felt = felt if isinstance(felt, int) and 0 <= felt <= 10 else None
    return real


def _words(data: Mapping[str, Any]) -> list[object]:
    return [data.get("who"), data.get("said"), data.get("went")]


def do_log_real(user: User, data: Mapping[str, Any]) -> tuple[RealNo, RiskEvent | None]:
    """Add a real no to the log; `data` is a RealNoForm's cleaned data."""
    if not isinstance(data.get("day"), date) or data["day"] > today_for(user):
        raise ValueError("a real no needs a day that is not in the future")
    return save_listened(user, SOURCE, _words(data), lambda: _fill_real(RealNo(owner=user), data))


def do_update_real(real: RealNo, data: Mapping[str, Any]) -> tuple[RealNo, RiskEvent | None]:
    """Change a logged no's day, words and how the member felt."""
    if not isinstance(data.get("day"), date) or data["day"] > today_for(real.owner):
        raise ValueError("a real no needs a day that is not in the future")
    return save_listened(
        real.owner,
        SOURCE,
        _words(data),
        lambda: _fill_real(real, data),
        update_fields=["day", "who_sealed", "said_sealed", "went_sealed", "felt_sealed"],
    )


def do_delete_real(real: RealNo) -> None:
    real.delete()
