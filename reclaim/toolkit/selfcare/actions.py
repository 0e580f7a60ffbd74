"""Every write to the self-care tool goes through here.

Anything the member wrote is sealed and listened to for risk (save_listened);
saving is never blocked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from reclaim.toolkit.writing import save_listened, today_for
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows, seal

from .areas import AREA_CODES, get_suggestion, suggestion
from .models import Activity, Done

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

SOURCE = "selfcare"


def do_choose_suggestions(user: User, codes: Iterable[str]) -> None:
    """Make the ticked suggestions exactly the ones on the plan; the member's own stay."""
    wanted = {code for code in codes if get_suggestion(code)}
    with key_cache(), transaction.atomic():
        current = {
            a.code: a for a in open_rows(Activity.objects.filter(owner=user), "what") if a.code
        }
        for code, activity in current.items():
            if code not in wanted:
                activity.delete()
        for code in sorted(wanted - set(current)):
            activity = Activity(owner=user, area=suggestion(code).area, day=today_for(user))
            activity.what = {"code": code}
            seal(activity)
            activity.save()


def do_add_own(user: User, area: str, text: str) -> tuple[Activity, RiskEvent | None]:
    if area not in AREA_CODES:
        raise ValueError(f"unknown area: {area}")

    def fill() -> Activity:
        activity = Activity(owner=user, area=area, day=today_for(user))
        activity.what = {"own": text.strip()}
        return activity

    return save_listened(user, SOURCE, [text], fill)


def do_update_plan(user: User, codes: Iterable[str], own: Mapping[str, str]) -> RiskEvent | None:
    """Save the plan page: ticked suggestions, and any new activities of the member's own."""
    do_choose_suggestions(user, codes)
    heard = None
    for area in AREA_CODES:
        words = (own.get(area) or "").strip()
        if words:
            _, event = do_add_own(user, area, words)
            heard = heard or event
    return heard


def do_rename(activity: Activity, text: str) -> tuple[Activity, RiskEvent | None]:
    """Put an activity in the member's own words (a suggestion becomes their own)."""

    def fill() -> Activity:
        activity.what = {"own": text.strip()}
        return activity

    return save_listened(activity.owner, SOURCE, [text], fill, update_fields=["what_sealed"])


def do_remove(activity: Activity) -> None:
    """Take an activity off the plan; what was already done keeps its own record."""
    activity.delete()


def done_today(user: User, activity: Activity, now: datetime | None = None) -> bool:
    day = timezone.localdate(now or timezone.now(), user.zone)
    return Done.objects.filter(owner=user, activity=activity, day=day).exists()


def do_log(
    user: User,
    activity: Activity,
    note: str = "",
    *,
    again: bool = False,
    now: datetime | None = None,
) -> tuple[Done | None, RiskEvent | None]:
    """Note that the member did this today (their own calendar day).

    A second tap on the same day counts only when the member says it was
    another time (`again`); otherwise nothing new is kept, so a double tap
    or a page sent twice never counts twice. Returns (None, None) then.
    """
    now = now or timezone.now()
    day = timezone.localdate(now, user.zone)
    if not again and Done.objects.filter(owner=user, activity=activity, day=day).exists():
        return None, None

    def fill() -> Done:
        done = Done(owner=user, activity=activity, area=activity.area, created=now, day=day)
        done.what = dict(activity.what or {})
        done.note = note.strip()
        return done

    return save_listened(user, SOURCE, [note], fill)


def do_delete_done(done: Done) -> None:
    done.delete()
