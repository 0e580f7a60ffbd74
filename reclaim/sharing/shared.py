"""The one way a practitioner reads a member's data: what that member shares, now.

Every practice page that shows anything of a client's comes through here
(an import-linter contract keeps the practice app away from the member
apps' own queries). Each read:

- finds the connection by the practitioner *and* the client's id, live
  only, so anyone else's client, an ended connection or a made-up id is a
  404, exactly like a page that does not exist;
- reads the switches from the database on this very request (once, in a
  `Visit`; no copies, no cache), so a switch turned off hides the part on
  the practitioner's next page load; a part not switched on is a 404 too;
- writes a `Look` (when, which part; never what it held) in the same
  request, one insert for all the parts shown, which the member reads on
  their Sharing page. A GET that writes is on purpose here: the issue asks
  that every look be seen.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone

from reclaim.assessments import queries as assessments
from reclaim.checkins import queries as checkins
from reclaim.core.numbers import figure, long_day, one_decimal, rounded
from reclaim.journal import queries as journal
from reclaim.progress import summary as progress_summary
from reclaim.progress import trends as progress_trends
from reclaim.progress.charts import Chart, Series, line_chart
from reclaim.safety import queries as safety
from reclaim.toolkit import shareable as toolkit
from reclaim.vault.crypto import key_cache, preload_keys
from reclaim.vault.fields import open_row, open_rows

from . import actions
from . import suggestions as catalogue
from .actions import ALERT_DAYS as ALERT_DAYS  # the practice app reads it here
from .models import (
    LIST_KEY_JOIN,
    ClientInvitation,
    Connection,
    Grant,
    Part,
    PrivateNote,
    RiskAlert,
    Suggestion,
)
from .queries import switches

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.journal.models import Entry
    from reclaim.safety.models import Section

# Reliable change in the words a practitioner uses (the member's pages have their own).
CHANGE_WORDS: dict[str, str] = {
    assessments.IMPROVED: "Reliable improvement",
    assessments.WORSENED: "Reliable deterioration",
    assessments.NO_RELIABLE_CHANGE: "No reliable change",
}
# Clinically significant change in the same words, with the rule itself beside it.
CLINICAL_WORDS: dict[str, str] = {
    assessments.CLINICALLY_IMPROVED: "Clinically significant improvement",
    assessments.CLINICALLY_WORSENED: "Clinically significant deterioration",
    assessments.NOT_CLINICALLY_SIGNIFICANT: "Not clinically significant",
}
CLINICAL_CHANGE_RULE = assessments.CLINICAL_CHANGE_RULE
# How far back the check-in trends reach: eight weeks, a week a row.
TREND_WEEKS = 8
# How many of the most frequent triggers the trends name.
TOP_TRIGGERS = 5


def _instruments() -> dict[str, assessments.Instrument]:
    return {instrument.code: instrument for instrument in assessments.all_instruments()}


def _live(practitioner: User) -> Any:
    return Connection.objects.filter(practitioner=practitioner, ended__isnull=True)


def client(practitioner: User, client_id: uuid.UUID) -> Connection:
    """This practitioner's live connection with this id, with the client's chosen name opened.

    Anything else (another practitioner's client, an ended connection, an
    id that never existed) is a 404.
    """
    connection = _live(practitioner).select_related("owner").filter(pk=client_id).first()
    if connection is None:
        raise Http404
    return open_row(connection, "shown_name")


@dataclass
class Visit:
    """One request's reading of one client: the switches read once, the looks written once.

    Made by `client_page` after `client()` found the live connection of this
    practitioner's; every part read in the request checks its switch here
    and adds its look, and the looks are written together before the page
    is sent.
    """

    connection: Connection
    on: set[tuple[str, str]]
    looks: list[tuple[str, str]] = field(default_factory=list)

    def keys(self, part: str) -> list[str]:
        """The keys switched on for one part (entries one by one), in a steady order."""
        return sorted(key for on_part, key in self.on if on_part == part)


def _require(visit: Visit, part: str, key: str = "", *, look: bool = True) -> None:
    """404 unless this switch is on in this request; then the look is noted.

    `look` is False for a check that another read, noted on its own,
    depends on.
    """
    if (part, key) not in visit.on:
        raise Http404
    if look:
        visit.looks.append((part, key))


# --- questionnaire results ---------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One result as a practitioner's table shows it."""

    taken: datetime
    score: str
    band: str
    change: str  # Since the result before; "" for the first.


@dataclass(frozen=True)
class InstrumentResults:
    instrument: assessments.Instrument
    rows: list[Row]  # Oldest first.
    since_first: str  # Reliable change from the first (baseline) result to the latest.
    # Clinically significant change over the same span ("" with one result).
    since_first_clinical: str = ""

    @property
    def cutoff(self) -> str:
        return cutoff_words(self.instrument)

    @property
    def latest(self) -> Row:
        return self.rows[-1]

    @property
    def first(self) -> Row:
        return self.rows[0]


def _band(instrument: assessments.Instrument, score: assessments.Score) -> str:
    """The band as a practitioner names it, with its range, and the words the client read.

    "Moderately severe, 15–19 (the client read “You are carrying a lot”)".
    The range is left out where the bands are written on a raw sum behind
    a mean score, which would only confuse.
    """
    try:
        band = instrument.band(score.band)
    except ValueError:
        # A band renamed in a later version: the number still stands.
        return ""
    name = band.code.replace("_", " ").replace("cutpoint", "cut-point").capitalize()
    if instrument.score_kind != assessments.ScoreKind.MEAN:
        name += f", {figure(band.low)}–{figure(band.high)}"
    return f"{name} (the client read “{band.label}”)"


def _change_words(label: str | None, instrument: assessments.Instrument) -> str:
    if label is None:
        return "" if instrument.change_threshold else "No published threshold"
    return CHANGE_WORDS.get(label, "")


def _clinical_words(label: str | None, instrument: assessments.Instrument) -> str:
    """The verdict, or why there can be none: nothing is guessed for a questionnaire."""
    if label is not None:
        return CLINICAL_WORDS.get(label, "")
    if not instrument.has_clinical_cutoff:
        return "Cannot tell: no published cut-off"
    if not instrument.change_threshold:
        return "Cannot tell: no published reliable-change threshold"
    return ""


def cutoff_words(instrument: assessments.Instrument) -> str:
    """Where this questionnaire's clinical range starts, or that no cut-off is published."""
    where = assessments.clinical_range_words(instrument)
    if not where:
        return "No published cut-off between a clinical and a non-clinical range."
    return f"Clinical range: {where}."


def _since_first(
    instrument: assessments.Instrument, first: assessments.Score, latest: assessments.Score
) -> tuple[str, str]:
    """Reliable and clinically significant change from the first result to the latest."""
    reliable = assessments.change(instrument.code, first, latest)
    clinical = assessments.clinical_change(instrument.code, first, latest)
    return _change_words(reliable, instrument), _clinical_words(clinical, instrument)


def _instrument_results(code: str, results: Iterable[Any]) -> InstrumentResults | None:
    instrument = _instruments().get(code)
    points = assessments.points_by_code(results).get(code, [])
    if instrument is None or not points:
        return None
    rows = [
        Row(
            taken=point.taken,
            score=assessments.score_words(instrument, point.score.score),
            band=_band(instrument, point.score),
            change=_change_words(point.change, instrument) if index else "",
        )
        for index, point in enumerate(points)
    ]
    since_first = clinical = ""
    if len(points) > 1:
        since_first, clinical = _since_first(instrument, points[0].score, points[-1].score)
    return InstrumentResults(instrument, rows, since_first, clinical)


def results(visit: Visit, code: str) -> InstrumentResults | None:
    """One questionnaire's scores, bands and reliable change, if its results are shared.

    None when the client has not taken it yet.
    """
    _require(visit, Part.RESULTS, code)
    return _instrument_results(code, assessments.results_for(visit.connection.owner, code))


@dataclass(frozen=True)
class AnswerSheet:
    taken: datetime
    answers: list[tuple[int, str, str]]  # (number, question, answer)


def answers(visit: Visit, code: str) -> list[AnswerSheet]:
    """Each result's answer to every question, if the client shares the answers too."""
    # Answers go only with their results (see actions.do_set_switches).
    _require(visit, Part.RESULTS, code, look=False)
    _require(visit, Part.ANSWERS, code)
    instrument = _instruments().get(code)
    if instrument is None:
        return []
    options = {option.value: option.label for option in instrument.options}
    sheets = []
    for result in assessments.results_with_answers(visit.connection.owner, code):
        given = list(result.answers or [])
        sheets.append(
            AnswerSheet(
                taken=result.taken,
                answers=[
                    (item.number, item.text, options.get(value, str(value)))
                    for item, value in zip(instrument.items, given, strict=False)
                ],
            )
        )
    return sheets


# --- check-in trends ---------------------------------------------------------


@dataclass(frozen=True)
class Week:
    start: date
    end: date
    days: int  # Days with a check-in.
    averages: list[str]  # One per scale, in checkins.SCALES order ("–" for none).
    # The same averages as numbers for the charts (None for none).
    values: list[float | None] = field(default_factory=list)


@dataclass(frozen=True)
class Trends:
    scales: list[str]
    weeks: list[Week]  # Oldest first.
    triggers: list[tuple[str, int]]
    # One small chart per scale, drawn by the Progress page's chart code; the
    # week table beside them is the same numbers as text.
    charts: list[Chart] = field(default_factory=list)


def _week_series(weeks: list[Week], index: int) -> Series:
    """One scale's weekly averages as a line, each week at its first day."""
    return Series(
        "",
        [(week.start, week.values[index]) for week in weeks],
        f"series-{index + 1}",
        dots=True,
    )


def week_chart(weeks: list[Week], index: int, *, width: int = 640, height: int = 170) -> Chart:
    """One check-in scale's weekly averages over the trend weeks, as the Progress charts draw them."""
    scale = checkins.SCALES[index]
    first, last = weeks[0].start, weeks[-1].start
    description = (
        f"The client's weekly average {scale.short.lower()}, from 0 to 10 "
        f"({progress_trends.lighter_words(scale)}), for the {len(weeks)} weeks from "
        f"{long_day(first, with_year=False)} to {long_day(weeks[-1].end)}, each week "
        "drawn at its first day. A week without a check-in leaves a gap. "
        "The numbers are in the week table on the client's page."
    )
    return line_chart(
        f"{scale.short}, weekly average",
        description,
        [_week_series(weeks, index)],
        first,
        last,
        0,
        10,
        y_ticks=(0, 5, 10),
        width=width,
        height=height,
    )


def trends(visit: Visit) -> Trends:
    """Weekly averages of each check-in scale and the most frequent triggers; never notes."""
    _require(visit, Part.TRENDS)
    member = visit.connection.owner
    start, today = _trend_span(member)
    weeks = _weeks(checkins.daily_means(member, start, today), start)
    return Trends(
        scales=[scale.short for scale in checkins.SCALES],
        weeks=weeks,
        triggers=checkins.trigger_counts(member, start, today)[:TOP_TRIGGERS],
        # A scale the client never rated in these weeks would be an empty frame: left out.
        charts=[
            week_chart(weeks, index)
            for index in range(len(checkins.SCALES))
            if any(week.values[index] is not None for week in weeks)
        ],
    )


def _trend_span(member: User) -> tuple[date, date]:
    """The first and last day of the trend weeks, in the member's own days."""
    today = checkins.local_day(member)
    return today - timedelta(days=7 * TREND_WEEKS - 1), today


def _weeks(means: dict[date, dict[str, float | None]], start: date) -> list[Week]:
    """The daily means from ``start`` as TREND_WEEKS weeks of averages, oldest first."""
    weeks = []
    for number in range(TREND_WEEKS):
        first = start + timedelta(days=7 * number)
        last = first + timedelta(days=6)
        days = [means[day] for day in means if first <= day <= last]
        averages: list[float | None] = []
        for scale in checkins.SCALES:
            values = [value for day in days if (value := day[scale.name]) is not None]
            averages.append(rounded(sum(values) / len(values)) if values else None)
        weeks.append(
            Week(first, last, len(days), [one_decimal(value) for value in averages], averages)
        )
    return weeks


# --- safety plan and journal entries ---------------------------------------


def safety_plan(visit: Visit) -> list[tuple[Section, list[str]]]:
    """The client's safety plan, section by section, if they share it ([] before they write one)."""
    _require(visit, Part.SAFETY_PLAN)
    return safety.plan_sections(safety.safety_plan_of(visit.connection.owner))


def entries(visit: Visit) -> list[Entry]:
    """The journal entries the client chose, one by one, to share; oldest first.

    Each shared entry is checked (and its look noted) on its own: unsharing
    one hides that one on the next request.
    """
    ids = [uuid.UUID(key) for key in visit.keys(Part.ENTRY)]
    if not ids:
        return []
    # Only entries that still exist: one the member deleted is simply gone.
    found = list(journal.chosen_entries(visit.connection.owner, ids))
    for entry in found:
        _require(visit, Part.ENTRY, str(entry.pk))
    return open_rows(found, "title", "body", "tags")


# --- risk alerts -------------------------------------------------------------


@dataclass(frozen=True)
class AlertMoment:
    """One risk alert as the practitioner sees it: when, and when they marked it seen."""

    at: datetime
    seen: datetime | None


def risk_alerts(visit: Visit) -> list[AlertMoment]:
    """When this client may have been at urgent risk, newest first, over ALERT_DAYS.

    Only while the client keeps alerts switched on; only the moments, since
    that is all an alert holds. No look is noted: these are the
    practitioner's own notices, and the client already sees each one.
    """
    _require(visit, Part.RISK_ALERTS, look=False)
    since = actions.alerts_shown_since()
    found = RiskAlert.objects.filter(connection=visit.connection, at__gte=since)
    return [AlertMoment(at, seen) for at, seen in found.values_list("at", "seen")]


# --- the client page as a PDF ----------------------------------------------


def as_pdf(html: str) -> bytes:
    """A printable client page as PDF bytes, made as the member's own summary is made.

    ``html`` must be drawn from `client_page`, which checked each part and
    noted each look, so a download is seen by the client like a visit. Made
    in memory, fetching nothing from outside, kept nowhere.
    """
    return progress_summary.html_to_pdf(html)


def pdf_filename(practitioner: User, now: datetime | None = None) -> str:
    """A neutral name, such as session-2026-12-04.pdf: no client's name, nothing of what is inside."""
    day = timezone.localtime(now or timezone.now(), practitioner.zone).date()
    return f"session-{day:%Y-%m-%d}.pdf"


def tool_entries(visit: Visit) -> list[toolkit.ToolEntry]:
    """The toolkit entries the client chose, one by one, to share; oldest first.

    Like journal entries: each one still there is checked against its
    switch (and its look noted) before its words are opened, so unsharing or
    deleting one hides it on the next request.
    """
    return toolkit.chosen(
        visit.connection.owner,
        visit.keys(Part.TOOL_ENTRY),
        before_opening=lambda key: _require(visit, Part.TOOL_ENTRY, key),
    )


# --- the client page and the client list ------------------------------------


@dataclass
class ClientPage:
    connection: Connection
    # Each shared questionnaire's results, with the answers when those are shared too.
    results: list[tuple[InstrumentResults, list[AnswerSheet] | None]] = field(default_factory=list)
    not_taken: list[assessments.Instrument] = field(default_factory=list)
    trends: Trends | None = None
    safety_plan: list[tuple[Section, list[str]]] | None = None
    entries: list[Entry] = field(default_factory=list)
    tool_entries: list[toolkit.ToolEntry] = field(default_factory=list)
    # None when alerts are off; the moments of the last ALERT_DAYS when on.
    alerts: list[AlertMoment] | None = None

    @property
    def unseen_alerts(self) -> int:
        """How many of the alerts shown the practitioner has not marked seen."""
        return sum(1 for alert in self.alerts or () if alert.seen is None)

    @property
    def shares_anything(self) -> bool:
        return bool(
            self.results
            or self.not_taken
            or self.trends
            or self.safety_plan is not None
            or self.entries
            or self.alerts is not None
            or self.tool_entries
        )


def client_page(practitioner: User, client_id: uuid.UUID, *, copy: bool = False) -> ClientPage:
    """Everything this client shares with this practitioner right now, and nothing else.

    The switches are read once, in this request, after the connection was
    found live and this practitioner's; every part shown is noted as a look,
    all in one insert, before the page goes out. `copy` is True when the page
    is made into a PDF to download: the looks then say a copy was taken.
    """
    connection = client(practitioner, client_id)
    visit = Visit(connection, switches(connection))
    on = visit.on
    page = ClientPage(connection)
    known = _instruments()
    with key_cache():
        for code in sorted(key for part, key in on if part == Part.RESULTS and key in known):
            found = results(visit, code)
            if found is None:
                page.not_taken.append(known[code])
                continue
            sheets = answers(visit, code) if (Part.ANSWERS, code) in on else None
            page.results.append((found, sheets))
        if (Part.TRENDS, "") in on:
            page.trends = trends(visit)
        if (Part.SAFETY_PLAN, "") in on:
            page.safety_plan = safety_plan(visit)
        page.entries = entries(visit)
        page.tool_entries = tool_entries(visit)
        if (Part.RISK_ALERTS, "") in on:
            page.alerts = risk_alerts(visit)
    actions.do_record_looks(connection, visit.looks, copied=copy)
    return page


@dataclass(frozen=True)
class Latest:
    """A client's latest result of one instrument, against their first."""

    instrument: assessments.Instrument
    score: str
    band: str
    taken: datetime
    since_first: str
    count: int
    clinical: str = ""  # Clinically significant change since the first.


@dataclass(frozen=True)
class ClientRow:
    connection: Connection
    latest: list[Latest]
    # The newest risk alert of the last ALERT_DAYS, while alerts are on.
    latest_alert: datetime | None = None
    # How many of those alerts the practitioner has not marked seen.
    unseen_alerts: int = 0
    # A small chart of the weekly mood, for a client who shares check-in trends.
    trend: Chart | None = None
    shares_trends: bool = False


# The list's small trend chart: the first check-in scale (mood), drawn narrow.
LIST_TREND_SCALE = 0


def clients_of(practitioner: User) -> list[ClientRow]:
    """Every client connected to this practitioner, with the latest shared result of each instrument.

    And, for a client who shares check-in trends, a small chart of their
    weekly mood. The switches of all clients are read in one query, their
    keys in one, the first and latest of their shared results in two more
    and the check-ins behind the charts in one; each part shown is noted as
    a look, all in one insert.
    """
    connections = list(_live(practitioner).select_related("owner").order_by("created"))
    if not connections:
        return []
    grants = Grant.objects.filter(
        connection__in=connections, part__in=[Part.RESULTS, Part.TRENDS]
    ).values_list("connection_id", "part", "key")
    codes: dict[uuid.UUID, set[str]] = {}
    with_trends: set[uuid.UUID] = set()
    for connection_id, part, code in grants:
        if part == Part.TRENDS:
            with_trends.add(connection_id)
        else:
            codes.setdefault(connection_id, set()).add(code)
    by_owner = {c.owner_id: codes.get(c.pk, set()) for c in connections}
    alerts = _latest_alerts(connections)
    rows = []
    looks = []
    with key_cache():
        # Every client's key in one query, so the list costs the same with 5 clients or 50.
        preload_keys(c.owner_id for c in connections)
        open_rows(connections, "shown_name")
        ends = assessments.first_and_latest_of_many(by_owner)
        spans = {c.owner_id: _trend_span(c.owner) for c in connections if c.pk in with_trends}
        means = checkins.daily_means_of_many(spans)
        known = _instruments()
        for connection in connections:
            latest = []
            looked: list[str] = []
            for code in sorted(by_owner[connection.owner_id]):
                pair = ends.get((connection.owner_id, code))
                instrument = known.get(code)
                if pair is None or instrument is None:
                    continue
                first_score, latest_score = pair.first.to_score(), pair.latest.to_score()
                since_first = clinical = ""
                if pair.count > 1:
                    since_first, clinical = _since_first(instrument, first_score, latest_score)
                latest.append(
                    Latest(
                        instrument=instrument,
                        score=assessments.score_words(instrument, latest_score.score),
                        band=_band(instrument, latest_score),
                        taken=pair.latest.taken,
                        since_first=since_first,
                        count=pair.count,
                        clinical=clinical,
                    )
                )
                looked.append(code)
            if looked:
                # One look for the row: the latest of each questionnaire it shows.
                looks.append((connection, Part.RESULTS.value, LIST_KEY_JOIN.join(looked)))
            trend = None
            shares_trends = connection.owner_id in means
            if shares_trends:
                # No mood rated in eight weeks: a sentence says so, not an empty frame.
                if means[connection.owner_id]:
                    weeks = _weeks(means[connection.owner_id], spans[connection.owner_id][0])
                    if any(week.values[LIST_TREND_SCALE] is not None for week in weeks):
                        trend = week_chart(weeks, LIST_TREND_SCALE, width=320, height=130)
                looks.append((connection, Part.TRENDS.value, ""))
            latest_alert, unseen_alerts = alerts.get(connection.pk, (None, 0))
            rows.append(
                ClientRow(
                    connection,
                    latest,
                    latest_alert=latest_alert,
                    unseen_alerts=unseen_alerts,
                    trend=trend,
                    shares_trends=shares_trends,
                )
            )
    actions.do_record_looks_for_many(looks)
    return rows


def _latest_alerts(connections: list[Connection]) -> dict[uuid.UUID, tuple[datetime, int]]:
    """Each connection's newest alert of the last ALERT_DAYS, and how many are unseen.

    Only where alerts are on; one query for the whole list.
    """
    since = actions.alerts_shown_since()
    found = (
        RiskAlert.objects.filter(
            connection__in=connections,
            connection__grants__part=Part.RISK_ALERTS,
            at__gte=since,
        )
        .values("connection_id")
        .annotate(latest=Max("at"), unseen=Count("id", filter=Q(seen__isnull=True)))
    )
    return {row["connection_id"]: (row["latest"], row["unseen"]) for row in found}


def open_invitations(practitioner: User) -> list[ClientInvitation]:
    """The practitioner's invitations not yet used and not yet expired (no client is named)."""
    return list(
        ClientInvitation.objects.filter(
            practitioner=practitioner, used_at__isnull=True, expires__gt=timezone.now()
        )
    )


def private_notes(practitioner: User, connection: Connection) -> list[PrivateNote]:
    """The practitioner's own notes about this client, newest first, opened with their key.

    Not the client's data, so no switch guards them and no look is noted;
    they are found only through a live connection of this practitioner's.
    """
    return open_rows(PrivateNote.objects.filter(owner=practitioner, connection=connection), "text")


def suggestions_made(
    connection: Connection,
) -> list[tuple[Suggestion, catalogue.Suggestible | None]]:
    """What this practitioner suggested to the client, newest first, with how it stands.

    The practitioner's own doing, so no look is noted; the connection comes
    from `client()`, which has already checked it is theirs and live.
    """
    known = catalogue.by_kind_and_key()
    return [
        (made, known.get((made.kind, made.key)))
        for made in Suggestion.objects.filter(connection=connection)[:50]
    ]
