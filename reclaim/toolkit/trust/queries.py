"""Reading the trust tool: agreements, what was noticed, and the trust trend.

The outcomes, trust levels and notes are sealed, so the database cannot
count or filter on them: each page loads the rows it needs in a fixed number
of queries (one for the agreements, one for the window the chart and the
30-day counts cover, one for the latest observations, one count) and opens
only what it shows. Nothing here reads more than one member's rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from statistics import mean
from typing import TYPE_CHECKING

from reclaim.core.numbers import Periods, format_day, long_day, one_decimal
from reclaim.progress.charts import Chart, Series, line_chart
from reclaim.toolkit.shareable import Shown
from reclaim.vault.fields import open_rows

from .models import BROKEN, KEPT, TRUST_MAX, TRUST_MIN, UNSURE, Agreement, Observation

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from reclaim.accounts.models import User

# The chart's periods, in days.
PERIODS = Periods((30, 90, 365), default=90)
COUNT_DAYS = 30
LATEST = 20

# Only what the chart and the counts need: the notes stay closed.
_FACTS_ONLY = ("id", "owner_id", "agreement_id", "day", "created", "facts_sealed")


def agreements_of(user: User) -> list[Agreement]:
    """All the member's agreements, active ones first, each group oldest first."""
    rows = open_rows(Agreement.objects.filter(owner=user).order_by("created"))
    return [a for a in rows if a.active] + [a for a in rows if not a.active]


def active_agreements(user: User, keep: Agreement | None = None) -> list[Agreement]:
    """The agreements an observation can be about (and `keep`, even if retired)."""
    rows = agreements_of(user)
    return [a for a in rows if a.active or (keep is not None and a.pk == keep.pk)]


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


@dataclass(frozen=True)
class Tally:
    """How often an agreement was noted kept, broken or not sure in the last 30 days."""

    kept: int = 0
    broken: int = 0
    unsure: int = 0

    @property
    def total(self) -> int:
        return self.kept + self.broken + self.unsure

    @property
    def words(self) -> str:
        if not self.total:
            return f"Nothing noted in the last {COUNT_DAYS} days."
        text = f"In the last {COUNT_DAYS} days: kept {_times(self.kept)}, "
        text += f"broken {_times(self.broken)}"
        if self.unsure:
            text += f", not sure {_times(self.unsure)}"
        return text + "."


def _tallies(observations: list[Observation], since: date) -> dict[object, Tally]:
    counts: dict[object, Counter[str]] = {}
    for one in observations:
        if one.agreement_id is None or one.day < since or one.outcome is None:
            continue
        counts.setdefault(one.agreement_id, Counter())[one.outcome] += 1
    return {
        key: Tally(kept=c[KEPT], broken=c[BROKEN], unsure=c[UNSURE]) for key, c in counts.items()
    }


@dataclass(frozen=True)
class Trend:
    """How much the member trusted, over the chosen period."""

    days: int
    start: date
    end: date
    # (day, trust) for every observation with a trust level, oldest first.
    levels: list[tuple[date, int]]
    chart: Chart | None
    compact: Chart | None

    @property
    def latest_words(self) -> str:
        if not self.levels:
            return ""
        day, level = self.levels[-1]
        return f"Latest, on {format_day(day)}: {level} out of {TRUST_MAX}."

    @property
    def average_words(self) -> str:
        if not self.levels:
            return ""
        average = one_decimal(mean(level for _, level in self.levels))
        return f"Average over these {self.days} days: {average} out of {TRUST_MAX}."


def trust_chart(
    levels: list[tuple[date, int]], start: date, end: date, width: int = 640, height: int = 200
) -> Chart:
    """The trust levels as one calm line from 0 to 10, with every level in the table.

    On a day with more than one, the line goes through the last of them;
    the table lists each one, oldest first, so it matches what was noted.
    """
    last_of_day: dict[date, int] = {}
    for day, level in levels:
        last_of_day[day] = level
    series = Series("", sorted(last_of_day.items()), "series-1", dots=True)
    description = (
        f"How much you trusted, from {TRUST_MIN} (not at all) to {TRUST_MAX} (completely), "
        f"from {long_day(start)} to {long_day(end)}. Each dot is a day you "
        "noted it. The numbers are in the table below."
    )
    chart = line_chart(
        "How much you trusted",
        description,
        [series],
        start,
        end,
        TRUST_MIN,
        TRUST_MAX,
        y_ticks=(0, 5, 10),
        width=width,
        height=height,
    )
    with_year = len({day.year for day, _ in levels}) > 1
    rows = [[format_day(day, with_year), str(level)] for day, level in levels]
    return replace(chart, columns=["Date", f"Trust ({TRUST_MIN} to {TRUST_MAX})"], rows=rows)


def _trend(window: list[Observation], today: date, days: int) -> Trend:
    start = today - timedelta(days=days - 1)
    ordered = sorted(
        (one for one in window if one.day >= start and one.trust is not None),
        key=lambda one: (one.day, one.created),
    )
    levels = [(one.day, int(one.trust)) for one in ordered if one.trust is not None]
    if not levels:
        return Trend(days, start, today, [], None, None)
    return Trend(
        days,
        start,
        today,
        levels,
        trust_chart(levels, start, today),
        trust_chart(levels, start, today, width=340, height=200),
    )


def _window(user: User, since: date) -> list[Observation]:
    return open_rows(
        Observation.objects.filter(owner=user, day__gte=since).only(*_FACTS_ONLY), "facts"
    )


def _latest(rows: QuerySet[Observation], agreements: list[Agreement]) -> list[Observation]:
    """The newest observations, each knowing its agreement without another query."""
    by_id = {a.pk: a for a in agreements}
    latest = open_rows(rows.order_by("-day", "-created")[:LATEST])
    for one in latest:
        if one.agreement_id is not None and one.agreement_id in by_id:
            # Fill Django's cache for the foreign key, so `one.agreement` costs nothing.
            Observation.agreement.field.set_cached_value(one, by_id[one.agreement_id])
    return latest


@dataclass(frozen=True)
class AgreementRow:
    agreement: Agreement
    tally: Tally


@dataclass(frozen=True)
class TrustPage:
    today: date
    active: list[AgreementRow]
    retired: list[AgreementRow]
    trend: Trend
    latest: list[Observation]
    count: int


def trust_page(user: User, today: date, days: int = PERIODS.default) -> TrustPage:
    """Everything the main page shows, in four queries whatever the history."""
    agreements = agreements_of(user)
    count_since = today - timedelta(days=COUNT_DAYS - 1)
    window = _window(user, min(count_since, today - timedelta(days=days - 1)))
    tallies = _tallies(window, count_since)
    rows = [AgreementRow(a, tallies.get(a.pk, Tally())) for a in agreements]
    mine = Observation.objects.filter(owner=user)
    return TrustPage(
        today=today,
        active=[row for row in rows if row.agreement.active],
        retired=[row for row in rows if not row.agreement.active],
        trend=_trend(window, today, days),
        latest=_latest(mine, agreements),
        count=mine.count(),
    )


@dataclass(frozen=True)
class AgreementPage:
    agreement: Agreement
    tally: Tally
    latest: list[Observation]
    count: int


def agreement_page(agreement: Agreement, today: date) -> AgreementPage:
    """One agreement, its 30-day counts and its latest observations, in three queries."""
    count_since = today - timedelta(days=COUNT_DAYS - 1)
    mine = Observation.objects.filter(owner_id=agreement.owner_id, agreement=agreement)
    window = open_rows(mine.filter(day__gte=count_since).only(*_FACTS_ONLY), "facts")
    return AgreementPage(
        agreement=agreement,
        tally=_tallies(window, count_since).get(agreement.pk, Tally()),
        latest=_latest(mine, [agreement]),
        count=mine.count(),
    )


def observation_count(agreement: Agreement) -> int:
    return Observation.objects.filter(owner_id=agreement.owner_id, agreement=agreement).count()


def owned_agreements(user: User) -> QuerySet[Agreement]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Agreement.objects.filter(owner=user)


def owned_observations(user: User) -> QuerySet[Observation]:
    """Only the member's own rows: a page finds one here, so another's is a 404."""
    return Observation.objects.filter(owner=user)


def shown(agreement: Agreement) -> Shown:
    """An agreement as a practitioner the member shares it with reads it."""
    since = agreement.since_date
    retired = agreement.retired_on
    state = f"Retired on {long_day(retired)}" if retired else "Active"
    return Shown(
        f"An agreement written on {long_day(agreement.day)}",
        [
            ("The agreement", agreement.text),
            ("Since", long_day(since) if since else ""),
            ("Now", state),
        ],
    )
