"""Reading check-ins, for this app and for others (progress, sharing, today)."""

from __future__ import annotations

import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.core.paginator import Page
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.shortcuts import get_object_or_404

from reclaim.vault import crypto
from reclaim.vault.fields import open_row, open_rows, page_of

from .models import COMMON_TRIGGERS, SCALE_NAMES, CheckIn, OwnTrigger, local_day

if TYPE_CHECKING:
    from uuid import UUID

    from reclaim.accounts.models import User


def _one_decimal(value: float) -> float:
    # Half up, as people round by hand: four check-ins averaging 6.25 read
    # as 6.3, where float rounding would give 6.2.
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def daily_means(user: User, start: date, end: date) -> dict[date, dict[str, float]]:
    """Each of the member's days from `start` to `end` (inclusive) with check-ins.

    When a member checks in more than once a day, the day's picture is the
    mean of that day's check-ins, per scale, rounded to one decimal. The day
    is the unit members think in ("how was Tuesday?"), and a mean is fair
    both to a rough morning and to the better evening that followed; taking
    the last or the worst check-in would tell only half of it. Days are the
    member's local days, fixed when each check-in was made.
    """
    return daily_means_and_counts(user, start, end)[0]


def daily_means_and_counts(
    user: User, start: date, end: date
) -> tuple[dict[date, dict[str, float]], dict[date, int]]:
    """`daily_means`, and how many check-ins each of those days holds.

    The numbers are sealed, so the database can only hand over the rows of
    those days; they are opened and averaged here. One query (and one more
    for the member's key, if nothing in the request has opened it yet); two
    years of check-ins are about 1,000 small values (timed in bench/pages.py).
    """
    rows = list(
        CheckIn.objects.filter(owner=user, day__gte=start, day__lte=end)
        .order_by("day")
        .values_list("id", "day", "scores_sealed")
    )
    # Opened without making a model instance per row: a chart of two years
    # is a thousand small values, and instances would cost more than the
    # decryption (see bench/pages.py).
    opened = crypto.open_many(
        ((row_id, blob) for row_id, _, blob in rows),
        label=CheckIn._meta.label_lower,
        field="scores",
        owner_id=user.pk,
    )
    sums: dict[date, list[float]] = {}
    counts: dict[date, int] = {}
    with crypto.key_cache():
        for (_, day, _), raw in zip(rows, opened, strict=True):
            scores = json.loads(raw)
            day_sums = sums.setdefault(day, [0.0] * len(SCALE_NAMES))
            for index, name in enumerate(SCALE_NAMES):
                day_sums[index] += scores[name]
            counts[day] = counts.get(day, 0) + 1
    means = {
        day: {
            name: _one_decimal(total / counts[day])
            for name, total in zip(SCALE_NAMES, day_sums, strict=True)
        }
        for day, day_sums in sums.items()
    }
    return means, counts


def own_checkin(user: User, pk: UUID) -> CheckIn:
    """One of the member's check-ins, opened; 404 for anyone else's, as for a missing one."""
    return open_row(get_object_or_404(CheckIn, pk=pk, owner=user))


def history_page(user: User, number: object, per_page: int) -> Page:
    """One page of the member's check-ins, newest first, with numbers and triggers opened.

    Notes are not shown in the history, so they are neither loaded nor
    opened; each row only says whether it has one (`has_note`).
    """
    checkins = (
        CheckIn.objects.filter(owner=user)
        .defer("note_sealed")
        .annotate(
            has_note=ExpressionWrapper(Q(note_sealed__isnull=False), output_field=BooleanField())
        )
        .order_by("-created")
    )
    return page_of(checkins, number, per_page, "scores", "triggers")


def latest_today(user: User) -> CheckIn | None:
    """The member's most recent check-in of their own today, if any, opened."""
    return open_row(
        CheckIn.objects.filter(owner=user, day=local_day(user)).order_by("-created").first()
    )


def checked_in_today(user: User) -> bool:
    return CheckIn.objects.filter(owner=user, day=local_day(user)).exists()


def own_trigger_names(user: User) -> list[str]:
    """The triggers the member named themselves, oldest first, without repeats.

    Names are sealed, so repeats (two saves at once, or a different case)
    can only be found after opening them.
    """
    seen = {name.casefold() for name in COMMON_TRIGGERS}
    names = []
    for trigger in own_triggers(user):
        if trigger.name.casefold() not in seen:
            seen.add(trigger.name.casefold())
            names.append(trigger.name)
    return names


def own_triggers(user: User) -> list[OwnTrigger]:
    """The rows of the member's own trigger names, oldest first, opened."""
    return open_rows(OwnTrigger.objects.filter(owner=user).order_by("created"))
