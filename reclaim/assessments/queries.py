"""Reading questionnaire results: the public helpers other parts of Reclaim use.

The progress page, the therapy-ready summary and (later) the practitioner
dashboard read results through these functions only, so each asks the
database once and opens sealed values for one member at a time.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Count, Max, Min, QuerySet
from django.shortcuts import get_object_or_404

from reclaim.core.numbers import two_decimals
from reclaim.vault.fields import open_row, open_rows

# Each "name as name" below is re-exported: what other apps (progress, the
# summary) may use of the instruments and their scoring, so they never
# import this app's internal modules.
from .instruments import BandBasis as BandBasis
from .instruments import Instrument as Instrument
from .instruments import ScoreKind as ScoreKind
from .instruments import all_instruments as all_instruments
from .instruments import get, registry
from .instruments.phq9 import SAFETY_ITEM as SAFETY_ITEM
from .models import InProgress, Reminder, ReminderPreference, Result
from .scoring import CHANGE_LABELS as CHANGE_LABELS
from .scoring import CLINICAL_CHANGE_RULE as CLINICAL_CHANGE_RULE
from .scoring import CLINICALLY_IMPROVED as CLINICALLY_IMPROVED
from .scoring import CLINICALLY_WORSENED as CLINICALLY_WORSENED
from .scoring import IMPROVED as IMPROVED
from .scoring import NO_RELIABLE_CHANGE as NO_RELIABLE_CHANGE
from .scoring import NOT_CLINICALLY_SIGNIFICANT as NOT_CLINICALLY_SIGNIFICANT
from .scoring import WORSENED as WORSENED
from .scoring import Change as Change
from .scoring import ClinicalChange as ClinicalChange
from .scoring import Score as Score
from .scoring import change as change
from .scoring import clinical_change as clinical_change
from .scoring import clinical_range_words as clinical_range_words
from .scoring import configured_cutpoint as configured_cutpoint

if TYPE_CHECKING:
    from reclaim.accounts.models import User


def score_words(instrument: Instrument, value: int | float) -> str:
    """The headline number in plain words: "12 out of 27", "3.25 on a scale of 1 to 5"."""
    low, high = instrument.score_range
    if instrument.score_kind is ScoreKind.MEAN:
        return f"{two_decimals(value)} on a scale of {low:g} to {high:g}"
    return f"{value} out of {high}"


def enabled_instruments() -> tuple[Instrument, ...]:
    """The questionnaires members are offered, in the order they are shown.

    Those enabled by default, plus any an operator lists in
    RECLAIM_ENABLED_INSTRUMENTS (for example ``brs,dar5``, whose licences
    cover research and education only).
    """
    extra = {code.strip().lower() for code in settings.RECLAIM_ENABLED_INSTRUMENTS}
    return tuple(
        instrument
        for instrument in all_instruments()
        if instrument.enabled_by_default or instrument.code in extra
    )


def unknown_codes(codes: list[str]) -> list[str]:
    """The codes in ``codes`` that name no questionnaire (checked at start-up)."""
    known = registry()
    return [code for code in codes if code.strip().lower() not in known]


def enabled_instrument(code: str) -> Instrument | None:
    """The enabled instrument with this code, or None (unknown or switched off)."""
    for instrument in enabled_instruments():
        if instrument.code == code:
            return instrument
    return None


def owned_results(user: User) -> QuerySet[Result]:
    """Only the member's own results: a view finds one here, so another's is a 404."""
    return Result.objects.filter(owner=user)


def own_result(user: User, result_id: uuid.UUID) -> Result:
    """One of the member's results, opened; 404 for anyone else's, as for a missing one."""
    return open_row(get_object_or_404(owned_results(user), pk=result_id))


def in_progress(user: User, code: str) -> InProgress | None:
    """The answers the member has given so far to a questionnaire not yet finished, opened."""
    return open_row(InProgress.objects.filter(owner=user, code=code).first())


def results_for(user: User, code: str | None = None) -> list[Result]:
    """The member's results, oldest first, in one query; only one instrument if ``code`` is given."""
    results = Result.objects.filter(owner=user)
    if code is not None:
        results = results.filter(code=code)
    return open_rows(results.order_by("taken", "id"), "summary")


def sealed_results(user: User) -> list[tuple[Any, ...]]:
    """The member's results as stored (id, code, when, sealed summary), nothing opened.

    One query: enough to tell whether anything changed since a picture of
    them was drawn (core.memory). A new result, a deleted one or a summary
    sealed anew changes the rows.
    """
    return list(
        Result.objects.filter(owner=user)
        .order_by("taken", "id")
        .values_list("id", "code", "taken", "summary_sealed")
    )


@dataclass(frozen=True)
class FirstAndLatest:
    """A member's first (baseline) and latest result of one instrument, and how many there are."""

    first: Result
    latest: Result
    count: int


def first_and_latest_of_many(
    wanted: Mapping[int, Iterable[str]],
) -> dict[tuple[int, str], FirstAndLatest]:
    """For several members, each only for the instruments named for them: first and latest results.

    ``wanted`` maps a member's id to instrument codes; the answer is keyed by
    (member id, code). Two queries however many members and results (a
    practitioner's client list): the database groups the results to find
    each pair's first and last moment and its count, then only the results
    at those moments are read, and two summaries per instrument are opened.
    A result of a code not named for its member is dropped unopened.
    """
    pairs = {(owner_id, code) for owner_id, codes in wanted.items() for code in codes}
    if not pairs:
        return {}
    # Plain IN filters, then the pairs not asked for are dropped here: one OR
    # per (member, code) would cost more to build than the rows cost to read.
    owners = sorted({owner_id for owner_id, _ in pairs})
    codes = sorted({code for _, code in pairs})
    mine = Result.objects.filter(owner_id__in=owners, code__in=codes)
    # The database finds each pair's first and last moment and counts them:
    # one row per (member, code), however many results a year holds.
    spans = {
        (row["owner_id"], row["code"]): row
        for row in mine.values("owner_id", "code")
        .annotate(first=Min("taken"), last=Max("taken"), count=Count("id"))
        .order_by()
        if (row["owner_id"], row["code"]) in pairs
    }
    if not spans:
        return {}
    # Then only the results at those moments; two at one moment are told
    # apart by id, as the ordering (taken, id) does everywhere else. No code
    # filter here: with IN lists on all three columns of the (owner, code,
    # taken) index, SQLite probes every combination (50 clients, 8 codes and
    # 400 moments took 20 ms, against 5 ms by member and moment); a result of
    # another code at the same moment is dropped below.
    moments = {moment for row in spans.values() for moment in (row["first"], row["last"])}
    ends: dict[tuple[int, str], list[Any]] = {}
    at_the_ends = Result.objects.filter(owner_id__in=owners, taken__in=moments).only(
        "id", "owner_id", "code", "taken", "summary_sealed"
    )
    for result in at_the_ends.order_by("taken", "id"):
        key = (result.owner_id, result.code)
        span = spans.get(key)
        if span is None:
            continue
        pair = ends.setdefault(key, [None, None])
        if pair[0] is None and result.taken == span["first"]:
            pair[0] = result
        if result.taken == span["last"]:
            pair[1] = result
    chosen = {result.pk: result for pair in ends.values() for result in pair if result is not None}
    open_rows(list(chosen.values()), "summary")
    return {
        key: FirstAndLatest(pair[0], pair[1], spans[key]["count"])
        for key, pair in ends.items()
        if pair[0] is not None and pair[1] is not None
    }


def results_with_answers(user: User, code: str) -> list[Result]:
    """One instrument's results with their item answers opened too, oldest first."""
    return open_rows(
        Result.objects.filter(owner=user, code=code).order_by("taken", "id"), "summary", "answers"
    )


class SeriesPoint(tuple[datetime, Score]):
    """One result on a chart: unpacks as ``(taken, score)``.

    It also carries ``change`` (the reliable-change label since the previous
    result of the same instrument, or None for the first result and for
    instruments without a published threshold) and ``result_id``.
    """

    taken: datetime
    score: Score
    change: Change | None
    result_id: object

    def __new__(
        cls, taken: datetime, score: Score, change: Change | None = None, result_id: object = None
    ) -> SeriesPoint:
        point = super().__new__(cls, (taken, score))
        point.taken = taken
        point.score = score
        point.change = change
        point.result_id = result_id
        return point

    def __repr__(self) -> str:
        return f"SeriesPoint(taken={self.taken!r}, score={self.score!r}, change={self.change!r})"


def series(user: User, code: str) -> list[SeriesPoint]:
    """One instrument's results over time, oldest first, as ``(taken, Score)`` pairs.

    Each pair also has ``.change`` (see SeriesPoint), worked out with
    scoring.change between consecutive results. One query, and only the sealed
    summaries are opened.
    """
    get(code)  # An unknown code is a programming mistake: fail loudly.
    return points_by_code(results_for(user, code)).get(code, [])


def points_by_code(
    results: Iterable[Result], with_answers: bool = False
) -> dict[str, list[SeriesPoint]]:
    """Results (oldest first) as SeriesPoints grouped by instrument code.

    Each point's ``.change`` compares it with the previous result of the
    same instrument. Only the sealed summaries are opened, unless
    ``with_answers`` asks for the raw answers of results that raised a flag,
    where a note may need the answer behind it; every other result's answers
    stay sealed.
    """
    grouped: dict[str, list[SeriesPoint]] = {}
    previous: dict[str, Score] = {}
    for result in results:
        current = result.to_score()
        if with_answers and current.flags:
            # Only a flagged result's answers are opened, and only when asked for.
            answers = open_row(result, "answers").answers
            current = replace(current, answers=tuple(answers))
        before = previous.get(result.code)
        label = change(result.code, before, current) if before is not None else None
        grouped.setdefault(result.code, []).append(
            SeriesPoint(result.taken, current, label, result.id)
        )
        previous[result.code] = current
    return grouped


def previous_result(result: Result) -> Result | None:
    """The member's result for the same questionnaire just before this one."""
    return open_row(
        Result.objects.filter(owner_id=result.owner_id, code=result.code, taken__lt=result.taken)
        .order_by("-taken", "-id")
        .first(),
        "summary",
    )


@dataclass(frozen=True)
class Overview:
    """What the list of questionnaires shows for one instrument (nothing sealed)."""

    instrument: Instrument
    count: int
    last_taken: datetime | None
    in_progress: bool

    @property
    def retake_after(self) -> datetime | None:
        if self.last_taken is None:
            return None
        return self.last_taken + timedelta(days=self.instrument.retake_interval_days)


def overview(user: User) -> list[Overview]:
    """Each enabled questionnaire with how often and when it was last taken: two queries."""
    taken: dict[str, Mapping[str, Any]] = {
        row["code"]: row
        for row in Result.objects.filter(owner=user)
        .values("code")
        .annotate(count=Count("id"), last=Max("taken"))
    }
    started = set(InProgress.objects.filter(owner=user).values_list("code", flat=True))
    return [
        Overview(
            instrument=instrument,
            count=taken.get(instrument.code, {}).get("count", 0),
            last_taken=taken.get(instrument.code, {}).get("last"),
            in_progress=instrument.code in started,
        )
        for instrument in enabled_instruments()
    ]


def open_reminders(user: User, preference: ReminderPreference | None = None) -> list[Reminder]:
    """Reminders to show in the app: not yet closed, for enabled questionnaires, oldest first.

    Empty when the member turned in-app reminders off. Pass ``preference`` if
    you already have it, to save a query.
    """
    preference = preference or reminder_preference(user)
    if not preference.in_app:
        return []
    codes = [instrument.code for instrument in enabled_instruments()]
    return list(
        Reminder.objects.filter(owner=user, closed__isnull=True, code__in=codes)
        .select_related("result")
        .order_by("created")
    )


def unsent_reminder_emails(limit: int = 1000) -> list[uuid.UUID]:
    """Ids of reminders still owed an e-mail, oldest first.

    A worker killed while sending loses its job (Huey takes a job off the
    queue before running it), so the hourly scan asks for these again;
    sending is idempotent, so asking twice sends once.
    """
    return list(
        Reminder.objects.filter(email_wanted=True, emailed__isnull=True, closed__isnull=True)
        .order_by("created", "id")
        .values_list("id", flat=True)[:limit]
    )


def reminder_preference(user: User) -> ReminderPreference:
    """The member's reminder choices, or the defaults (not saved) if they never chose."""
    return ReminderPreference.objects.filter(owner=user).first() or ReminderPreference(owner=user)


def verified_email(user: User) -> str | None:
    """The member's verified e-mail address (the primary one first), or None."""
    from allauth.account.models import EmailAddress

    address = (
        EmailAddress.objects.filter(user=user, verified=True)
        .order_by("-primary", "id")
        .values_list("email", flat=True)
        .first()
    )
    return address or None
