"""Reading check-ins, for this app and for others (progress, sharing, today)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from django.core.paginator import Page
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.shortcuts import get_object_or_404

from reclaim.core.numbers import rounded
from reclaim.vault import crypto
from reclaim.vault.fields import open_row, open_rows, page_of

from .models import COMMON_TRIGGERS, SCALE_NAMES, CheckIn, OwnTrigger

# What other apps (progress, sharing) may use of this app besides the reads
# below: the scales a check-in rates, the member's own day, and the one next
# step a day's numbers point to. Re-exported here, so no other app imports
# checkins' models or internal modules.
from .models import NOT_RATED as NOT_RATED
from .models import SCALES as SCALES
from .models import Scale as Scale
from .models import local_day as local_day
from .suggestions import Suggestion as Suggestion
from .suggestions import suggest_for as suggest_for

if TYPE_CHECKING:
    from uuid import UUID

    from reclaim.accounts.models import User


def daily_means(user: User, start: date, end: date) -> dict[date, dict[str, float | None]]:
    """Each of the member's days from `start` to `end` (inclusive) with check-ins.

    When a member checks in more than once a day, the day's picture is the
    mean of that day's check-ins, per scale, rounded to one decimal half up
    (core.numbers, the rule every page shows numbers with). A scale
    not rated in a check-in counts nowhere: the mean is of the check-ins
    that rated it, and None when none of that day's did. The day
    is the unit members think in ("how was Tuesday?"), and a mean is fair
    both to a rough morning and to the better evening that followed; taking
    the last or the worst check-in would tell only half of it. Days are the
    member's local days, fixed when each check-in was made.
    """
    return daily_means_and_counts(user, start, end)[0]


def daily_means_and_counts(
    user: User, start: date, end: date
) -> tuple[dict[date, dict[str, float | None]], dict[date, int]]:
    """`daily_means`, and how many check-ins each of those days holds.

    The numbers are sealed, so the database can only hand over the rows of
    those days; they are opened and averaged here. One query (and one more
    for the member's key, if nothing in the request has opened it yet); two
    years of check-ins are about 1,000 small values (timed in bench/pages.py).
    """
    return means_and_counts(user.pk, sealed_days(user, start, end))


# A check-in's id, day and sealed scores, as read for the means.
SealedDay = tuple["UUID", date, bytes | memoryview | None]


def sealed_days(user: User, start: date, end: date) -> list[SealedDay]:
    """The member's check-ins from `start` to `end` (inclusive), oldest first, still sealed.

    One query and nothing opened: enough to tell whether anything changed
    since a picture was drawn (core.memory), and what `means_and_counts`
    opens when it did.
    """
    return list(
        CheckIn.objects.filter(owner=user, day__gte=start, day__lte=end)
        .order_by("day", "created")
        .values_list("id", "day", "scores_sealed")
    )


def sealed_day_parts(rows: Sequence[SealedDay]) -> Iterator[str | bytes | memoryview | None]:
    """What tells these rows apart from any other version of them, for a digest.

    Each sealed value is new on every save (a fresh nonce), so the values
    and their days tell any change apart (core.memory).
    """
    for _, day, blob in rows:
        yield day.isoformat()
        yield blob


def daily_means_of_many(
    spans: Mapping[int, tuple[date, date]],
) -> dict[int, dict[date, dict[str, float | None]]]:
    """`daily_means` for several members at once, each over their own days.

    ``spans`` maps a member's id to their (start, end), both inclusive: each
    member's days are their own local days, so the spans may differ. One
    query however many members (a practitioner's client list); their keys
    should be loaded first (vault.crypto.preload_keys).
    """
    if not spans:
        return {}
    low = min(start for start, _ in spans.values())
    high = max(end for _, end in spans.values())
    rows: dict[int, list[SealedDay]] = {owner_id: [] for owner_id in spans}
    for owner_id, row_id, day, blob in (
        CheckIn.objects.filter(owner_id__in=list(spans), day__gte=low, day__lte=high)
        .order_by("day")
        .values_list("owner_id", "id", "day", "scores_sealed")
    ):
        start, end = spans[owner_id]
        if start <= day <= end:
            rows[owner_id].append((row_id, day, blob))
    return {owner_id: means_and_counts(owner_id, found)[0] for owner_id, found in rows.items()}


def means_and_counts(
    owner_id: int, rows: Sequence[SealedDay]
) -> tuple[dict[date, dict[str, float | None]], dict[date, int]]:
    """One member's (id, day, sealed scores) rows, oldest first, opened and averaged per day."""
    # Opened without making a model instance per row: a chart of two years
    # is a thousand small values, and instances would cost more than the
    # decryption (see bench/pages.py).
    opened = crypto.open_many(
        ((row_id, blob) for row_id, _, blob in rows),
        label=CheckIn._meta.label_lower,
        field="scores",
        owner_id=owner_id,
    )
    # Per day and scale: the sum of the numbers given and how many gave one.
    sums: dict[date, dict[str, float]] = {}
    rated: dict[date, dict[str, int]] = {}
    counts: dict[date, int] = {}
    with crypto.key_cache():
        for (_, day, _), raw in zip(rows, opened, strict=True):
            scores = json.loads(raw)
            day_sums = sums.setdefault(day, dict.fromkeys(SCALE_NAMES, 0.0))
            day_rated = rated.setdefault(day, dict.fromkeys(SCALE_NAMES, 0))
            for name in SCALE_NAMES:
                if scores.get(name) is not None:
                    day_sums[name] += scores[name]
                    day_rated[name] += 1
            counts[day] = counts.get(day, 0) + 1
    means = {
        day: {
            name: rounded(day_sums[name] / rated[day][name]) if rated[day][name] else None
            for name in SCALE_NAMES
        }
        for day, day_sums in sums.items()
    }
    return means, counts


def owned_checkins(user: User) -> QuerySet[CheckIn]:
    """Only the member's own check-ins: a view finds one here, so another's is a 404."""
    return CheckIn.objects.filter(owner=user)


def own_checkin(user: User, pk: UUID) -> CheckIn:
    """One of the member's check-ins, opened; 404 for anyone else's, as for a missing one."""
    return open_row(get_object_or_404(owned_checkins(user), pk=pk))


def history(user: User) -> QuerySet[CheckIn]:
    """The member's check-ins, newest first, for the history list (still sealed).

    Notes are not shown there, so they are not loaded or opened; each row
    only says whether there is one (`has_note`).
    """
    return (
        owned_checkins(user)
        .defer("note_sealed")
        .annotate(
            has_note=ExpressionWrapper(Q(note_sealed__isnull=False), output_field=BooleanField())
        )
        .order_by("-created")
    )


def has_note(checkin: CheckIn) -> bool:
    """Whether a check-in read by `history` was saved with a note (asked of the database)."""
    return bool(getattr(checkin, "has_note", False))


def history_page(user: User, number: object, per_page: int) -> Page[CheckIn]:
    """One page of the member's `history`, with only that page's numbers and triggers opened."""
    return page_of(history(user), number, per_page, "scores", "triggers")


def latest_today(user: User) -> CheckIn | None:
    """The member's most recent check-in of their own today, if any, opened."""
    return open_row(
        CheckIn.objects.filter(owner=user, day=local_day(user)).order_by("-created").first()
    )


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


def trigger_counts(user: User, start: date, end: date) -> list[tuple[str, int]]:
    """How often each trigger was named in the member's check-ins from `start` to `end`.

    Most frequent first (ties in name order). Only the sealed trigger lists
    are opened; scores and notes stay closed.
    """
    rows = open_rows(
        CheckIn.objects.filter(owner=user, day__gte=start, day__lte=end).only(
            "id", "owner_id", "triggers_sealed"
        ),
        "triggers",
    )
    counts: dict[str, int] = {}
    for row in rows:
        for name in row.triggers or ():
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
