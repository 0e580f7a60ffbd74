"""Reading a member's self-care plan and what they made time for, week by week.

Weeks run Monday to Sunday on the member's own calendar (each log entry
keeps the day it was in their time zone). Pages read a fixed window of
weeks, so a long history costs no more than a short one.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from reclaim.vault.fields import open_rows

from .areas import AREAS
from .models import Activity, Done

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from reclaim.accounts.models import User

EARLIER_WEEKS = 3


def week_start(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


@dataclass
class Week:
    start: date
    entries: list[Done] = field(default_factory=list)  # newest first

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def made_time_for(self) -> list[tuple[str, int]]:
        """What was done and how often, most often first, then in the order first done."""
        counts: OrderedDict[str, int] = OrderedDict()
        for done in reversed(self.entries):
            words = done.done_words
            counts[words] = counts.get(words, 0) + 1
        order = list(counts)
        return sorted(counts.items(), key=lambda pair: (-pair[1], order.index(pair[0])))

    @property
    def days(self) -> list[tuple[date, list[Done]]]:
        """Only the days something was done, newest first: a quiet day gets no marker."""
        by_day: OrderedDict[date, list[Done]] = OrderedDict()
        for done in self.entries:
            by_day.setdefault(done.day, []).append(done)
        return list(by_day.items())


@dataclass
class PlanArea:
    code: str
    name: str
    blurb: str
    activities: list[Activity]


def plan_of(user: User) -> list[PlanArea]:
    """The plan, area by area (every area, even one with nothing in it yet)."""
    activities = open_rows(Activity.objects.filter(owner=user).order_by("created", "id"))
    return [
        PlanArea(area.code, area.name, area.blurb, [a for a in activities if a.area == area.code])
        for area in AREAS
    ]


def _entries(user: User, first: date, last: date) -> list[Done]:
    return open_rows(
        Done.objects.filter(owner=user, day__gte=first, day__lte=last).order_by("-day", "-created")
    )


def week_of(user: User, start: date) -> Week:
    start = week_start(start)
    return Week(start, _entries(user, start, start + timedelta(days=6)))


def recent_weeks(user: User, today: date, earlier: int = EARLIER_WEEKS) -> list[Week]:
    """This week and the `earlier` weeks before it, this week first, in one read."""
    this = week_start(today)
    first = this - timedelta(weeks=earlier)
    rows = _entries(user, first, this + timedelta(days=6))
    weeks = [Week(this - timedelta(weeks=n)) for n in range(earlier + 1)]
    for done in rows:
        weeks[(this - week_start(done.day)).days // 7].entries.append(done)
    return weeks


def owned_activities(user: User) -> QuerySet[Activity]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Activity.objects.filter(owner=user)


def owned_done(user: User) -> QuerySet[Done]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Done.objects.filter(owner=user)
