"""The therapy-ready summary: a PDF the member makes to bring to a session.

It is drawn from the same charts as the Progress page, rendered by
WeasyPrint from an HTML template with its own print stylesheet, and handed
straight back as bytes: it is never written to disk, to a cache or to a log.

WeasyPrint would happily fetch images and stylesheets from anywhere a URL
points. Nothing in a summary needs the network, and a member's own words
must never become a request to someone else's server, so the fetcher here
refuses every URL except ``data:`` and files in this app's own static folder.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from django.template.loader import render_to_string
from django.utils import timezone

from reclaim.accounts.queries import with_display_name
from reclaim.assessments.queries import (
    IMPROVED,
    SAFETY_ITEM,
    WORSENED,
    Instrument,
    Score,
    ScoreKind,
)
from reclaim.checkins.queries import daily_means, local_day
from reclaim.core.numbers import Periods, period_words
from reclaim.journal.queries import chosen_entries, entries_of, writing_kind
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows

from .figures import before_start, days_recorded, period_start
from .questionnaires import CHANGE_WORDS, MARKER_NOTE, InstrumentPicture, instrument_pictures
from .trends import ScaleTrend, checkin_trends, lighter_note

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.journal.queries import Entry

# The periods a summary can cover, in days.
PERIODS = Periods((30, 90, 365), default=90)
# An excerpt longer than this is cut, with a note: a summary is read in a session.
EXCERPT_LIMIT = 2_000
# How many words of an entry the picking list shows beside its title.

STATIC_DIR = (Path(__file__).resolve().parent / "static" / "progress").resolve()
STYLESHEET = STATIC_DIR / "summary.css"

# WeasyPrint and the font subsetter log about the document they are working
# on; quiet them while a summary renders, so nothing about it reaches a log.
_QUIET_LOGGERS = ("weasyprint", "weasyprint.progress", "fontTools")


def local_today(user: User, now: datetime | None = None) -> date:
    return local_day(user, now)


def filename(user: User, now: datetime | None = None) -> str:
    """A neutral name, such as summary-2026-11.pdf: nothing about what is inside."""
    return f"summary-{local_today(user, now):%Y-%m}.pdf"


# --- picking entries ----------------------------------------------------------


@dataclass(frozen=True)
class Pickable:
    """One entry on the picking list: its day and what kind of writing it is.

    Never its title or first words: the list is what a glance at a shared
    screen sees, and an entry written in a hard moment often opens with the
    rawest line of all.
    """

    id: str
    kind: str
    words: int
    day: date


def entries_in_period(user: User, today: date, days: int) -> list[Entry]:
    """The member's entries written in the period, newest first. One query."""
    return open_rows(entries_of(user).filter(day__gte=period_start(today, days), day__lte=today))


def pickables(entries: Iterable[Entry]) -> list[Pickable]:
    """The entries to offer as excerpts, each with its day, kind and length.

    Takes entries already read (entries_in_period), so checking a choice
    needs only their ids and opens nothing sealed.
    """
    with key_cache():
        return [
            Pickable(
                id=str(entry.id),
                kind=writing_kind(entry.prompt),
                words=len(entry.body.split()),
                day=entry.day,
            )
            for entry in entries
        ]


def _uuids(values: Iterable[object]) -> list[uuid.UUID]:
    """The values that are entry ids; anything else is skipped, never looked up."""
    found = []
    for value in values:
        try:
            found.append(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))
        except ValueError:
            continue
    return found


# --- what the PDF holds -------------------------------------------------------


@dataclass(frozen=True)
class Excerpt:
    title: str
    day: date
    text: str
    cut: bool


def excerpts(user: User, entry_ids: Iterable[object]) -> list[Excerpt]:
    """The chosen entries of this member only, oldest first.

    Ids of anyone else's entries, and anything that is not an id, are simply
    not found: the query is always limited to the member's own rows.
    """
    ids = _uuids(entry_ids)
    if not ids:
        return []
    chosen = chosen_entries(user, ids)
    result = []
    with key_cache():
        for entry in open_rows(chosen, "title", "body"):
            body = entry.body or ""
            cut = len(body) > EXCERPT_LIMIT
            result.append(
                Excerpt(
                    title=entry.display_title,
                    day=entry.day,
                    text=body[:EXCERPT_LIMIT].rstrip() + ("…" if cut else ""),
                    cut=cut,
                )
            )
    return result


@dataclass(frozen=True)
class ScoresPart:
    pictures: list[InstrumentPicture]
    # "PHQ-9: 6 points", for the note on what a reliable change means.
    thresholds: list[str]


def _thresholds(instruments: Iterable[Instrument]) -> list[str]:
    words = []
    for instrument in instruments:
        if instrument.change_threshold is None:
            continue
        unit = "percentage points" if instrument.score_kind is ScoreKind.PERCENTAGE else "points"
        words.append(f"{instrument.short_name} {instrument.change_threshold} {unit}")
    return words


def clinician_note(instrument: Instrument, score: Score) -> str:
    """What a therapist needs to see beside one result that the total would hide.

    For a PHQ-9, an answer above "Not at all" to item 9 (thoughts of being
    better off dead or of self-harm), with the answer's own words; for a
    PCL-5, whether the answers meet the DSM-5 cluster pattern. These words
    are for the clinician and appear only in the PDF: the member's pages
    never name a diagnosis. "" when there is nothing to note.
    """
    notes = []
    if instrument.code == "phq9" and "safety" in score.flags:
        if len(score.answers) >= SAFETY_ITEM:
            value = score.answers[SAFETY_ITEM - 1]
            label = next((o.display_label for o in instrument.options if o.value == value), "")
            notes.append(f"Item {SAFETY_ITEM} answered: {label[:1].lower()}{label[1:]}")
        else:
            notes.append(f"Item {SAFETY_ITEM} answered above “Not at all”")
    if instrument.code == "pcl5" and "dsm5_pattern" in score.flags:
        notes.append("DSM-5 cluster pattern met")
    return "; ".join(notes) + "." if notes else ""


def summary_context(
    user: User,
    entry_ids: Iterable[object],
    days: int = PERIODS.default,
    include_scores: bool = True,
    include_checkins: bool = True,
    now: datetime | None = None,
) -> dict[str, object]:
    """Everything the summary template shows, for this member only."""
    now = now or timezone.now()
    today = local_today(user, now)
    start = period_start(today, days)
    trends: list[ScaleTrend] = []
    if include_checkins:
        # One read covers the period and the one before it, for the comparison.
        means = daily_means(user, before_start(today, days), today)
        if days_recorded(means, today, days):
            # Two to a row on the page, so drawn at the phone size, where
            # the words stay readable at half the width of A4.
            trends = checkin_trends(means, today, days, compact=False, width=340, height=150)
    scores = None
    if include_scores:
        pictures = instrument_pictures(
            user, today, since=start, compact=False, row_notes=clinician_note
        )
        scores = ScoresPart(pictures, _thresholds(p.instrument for p in pictures))
    return {
        "name": with_display_name(user).name_to_show,
        "start": start,
        "end": today,
        "days": days,
        "period_words": period_words(days),
        "made": today,
        "include_checkins": include_checkins,
        "trends": trends,
        "include_scores": include_scores,
        "scores": scores,
        "excerpts": excerpts(user, entry_ids),
        "excerpt_limit": EXCERPT_LIMIT,
        "marker_note": MARKER_NOTE,
        "lighter_note": lighter_note(),
        # The table's own change words, so the note names them as they read.
        "improved_words": CHANGE_WORDS[IMPROVED],
        "worsened_words": CHANGE_WORDS[WORSENED],
    }


# --- rendering ----------------------------------------------------------------


def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        """Serves data: URIs and this app's static files; refuses everything else."""

        def fetch(self, url: str, headers: dict | None = None) -> object:
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                # Decoded by urllib's data handler, in this process.
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if path.is_file() and path.is_relative_to(STATIC_DIR):
                    from weasyprint.urls import URLFetcherResponse

                    return URLFetcherResponse(url, path.read_bytes())
            raise ValueError("A summary fetches nothing from outside.")

    return LocalOnlyFetcher


def local_only_fetcher() -> object:
    """A WeasyPrint URL fetcher that never touches the network."""
    return _fetcher_class()()


@contextmanager
def _quiet_logs() -> Iterator[None]:
    saved = []
    for name in _QUIET_LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level))
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)


def render_summary_html(
    user: User,
    entry_ids: Iterable[object],
    days: int = PERIODS.default,
    include_scores: bool = True,
    include_checkins: bool = True,
    now: datetime | None = None,
) -> str:
    context = summary_context(user, entry_ids, days, include_scores, include_checkins, now)
    return render_to_string("progress/summary_pdf.html", context)


def render_summary_pdf(
    user: User,
    entry_ids: list,
    days: int = PERIODS.default,
    include_scores: bool = True,
    include_checkins: bool = True,
) -> bytes:
    """The member's summary as PDF bytes, made in memory and kept nowhere.

    ``entry_ids`` are the journal entries to quote; only ``user``'s own are
    ever found. ``days`` is the period (30, 90 or 365 on the form; any
    positive number works here).
    """
    if days <= 0:
        raise ValueError("The period must be at least one day.")
    return html_to_pdf(render_summary_html(user, entry_ids, days, include_scores, include_checkins))


def html_to_pdf(html: str) -> bytes:
    """A printable page made from our own templates as PDF bytes, in memory, kept nowhere.

    Laid out with the summary's print stylesheet, and fetching nothing from
    outside (see local_only_fetcher). The practitioner's PDF of what a
    client shares is made here too, so both PDFs look and behave alike.
    """
    with _quiet_logs():
        # Imported here: loading WeasyPrint (and its fonts) costs time every
        # other page should not pay, and it logs as it loads.
        from weasyprint import CSS, HTML

        fetcher = local_only_fetcher()
        # The stylesheet is read from disk here, not fetched by URL.
        stylesheet = CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=fetcher)
        document = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher)
        return document.write_pdf(stylesheets=[stylesheet])
