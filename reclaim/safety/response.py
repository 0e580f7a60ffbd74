"""What happens after a member writes something that sounds like they are at risk.

Every writing action (journal, check-in notes, questionnaire notes, and whatever
comes later) calls ``after_writing`` (or, from a view, ``after_writing_request``)
*after* it has saved. It listens for risk and, when it hears some, keeps a RiskEvent
in the member's own sealed record and marks it pending in the session, so the next
page shows a calm panel with help (see templatetags/safety_tags.py).

Three promises hold here, because a person in crisis must never be punished for
writing honestly:

- nothing is blocked: the words are already saved when this runs;
- nothing raises into the caller: a failure is logged (without content) and ignored;
- nothing is sent anywhere: no e-mail, no alert, no one else is told.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from . import actions
from .lines import CountryLines, Line
from .models import RiskEvent

log = logging.getLogger("reclaim.safety")

SESSION_KEY = "safety_event"
# How long writing the same risk again from the same place counts as the same moment.
SAME_MOMENT = timedelta(minutes=15)
SELF_CATEGORIES = frozenset({"suicide", "self_harm"})
_SOURCE_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def _detect(text: str, language: str):
    """The detection engine, imported late so a problem in it cannot break a page load."""
    from reclaim.safety import detect

    return detect(text, language=language)


def _clean_source(source: str) -> str:
    # The source is a code chosen by a developer; if text ever arrives here by
    # mistake it must not be stored in a plain column.
    if isinstance(source, str) and _SOURCE_RE.match(source):
        return source
    log.warning("safety source was not a short code; stored as 'other'")
    return "other"


def after_writing(user, text: str, source: str) -> RiskEvent | None:
    """Listen for risk in what the member just saved; keep an event if there is some.

    Returns the RiskEvent for this moment: a new one, or the one kept in the last
    few minutes from the same place with the same risk (see ``_same_moment``). None
    when there is no risk, the user is not a signed-in member, or anything went
    wrong (which is logged without content).
    """
    if not text or not getattr(user, "is_authenticated", False):
        return None
    try:
        language = getattr(user, "language", "") or "en"
        assessment = _detect(text, language)
        if assessment.level == "none":
            return None
        source = _clean_source(source)
        same = _same_moment(user, source, assessment.level, frozenset(assessment.categories))
        if same is not None:
            return same
        # A savepoint, so a failure here cannot spoil the caller's transaction.
        with transaction.atomic():
            return actions.do_record_risk(
                user,
                source=source,
                level=assessment.level,
                categories=assessment.categories,
                reasons=assessment.reasons,
            )
    except Exception as error:
        # Only the kind of error: its message or traceback could quote the text.
        log.error("safety check after writing failed: %s", type(error).__name__)
        return None


def _same_moment(user, source: str, level: str, categories: frozenset[str]) -> RiskEvent | None:
    """A very recent event from the same place with the same risk, if there is one.

    Editing an entry to fix a typo, or saving twice, is the same hard moment: it
    should not fill the member's record with copies, nor bring back a panel they
    have just answered.
    """
    since = timezone.now() - SAME_MOMENT
    recent = RiskEvent.objects.filter(
        owner=user, source=source, level=level, created__gte=since
    ).first()
    if recent is not None and recent.category_set == categories:
        return recent
    return None


def after_writing_request(request: HttpRequest, text: str, source: str) -> RiskEvent | None:
    """``after_writing`` for a view: also marks the event so the next page shows the panel."""
    event = after_writing(request.user, text, source)
    if event is not None:
        mark_pending(request, event)
    return event


def after_safety_flag(request: HttpRequest, source: str = "assessment") -> RiskEvent | None:
    """A questionnaire answer (PHQ-9 item 9) raised the safety flag: open the urgent path."""
    user = request.user
    if not user.is_authenticated:
        return None
    try:
        source = _clean_source(source)
        event = _same_moment(user, source, "urgent", frozenset({"suicide"}))
        if event is not None:
            mark_pending(request, event)
            return event
        with transaction.atomic():
            event = actions.do_record_risk(
                user,
                source=source,
                level="urgent",
                categories=("suicide",),
                reasons=("PHQ-9 item 9",),
            )
    except Exception as error:
        log.error("safety flag could not be recorded: %s", type(error).__name__)
        return None
    mark_pending(request, event)
    return event


# --- the pending event in the session ----------------------------------------------------


def mark_pending(request: HttpRequest, event: RiskEvent) -> None:
    """Let the next page show the panel for this event.

    If a more serious moment is still waiting, it stays: a lighter panel must never
    replace an urgent one the member has not answered yet.
    """
    if event.acknowledged is not None:
        return
    current = pending_event(request)
    if current is not None and actions.LEVEL_RANK[current.level] > actions.LEVEL_RANK[event.level]:
        return
    request.session[SESSION_KEY] = str(event.pk)


def pending_event(request: HttpRequest) -> RiskEvent | None:
    """The event waiting to be shown to this member, if any (one query, only when set)."""
    raw = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not raw:
        return None
    user = getattr(request, "user", None)
    try:
        event_id = uuid.UUID(str(raw))
    except ValueError:
        event_id = None
    event = None
    if event_id is not None and user is not None and user.is_authenticated:
        event = RiskEvent.objects.filter(pk=event_id, owner=user, acknowledged__isnull=True).first()
    if event is None:
        clear_pending(request)
    return event


def clear_pending(request: HttpRequest, event: RiskEvent | None = None) -> None:
    """Stop showing the panel (for this event, or whatever is pending)."""
    raw = request.session.get(SESSION_KEY)
    if raw and (event is None or raw == str(event.pk)):
        del request.session[SESSION_KEY]


# --- what to show ----------------------------------------------------------------------


def panel_kind(event: RiskEvent) -> str:
    """Which panel fits: "urgent", "elevated", "abuse" or "anger".

    Thoughts of suicide or self-harm lead; danger from someone else comes next;
    anger toward someone, alone, gets a calm panel of its own.
    """
    categories = event.category_set
    if categories and not categories & SELF_CATEGORIES:
        if "abuse" in categories:
            return "abuse"
        if "harm_to_others" in categories:
            return "anger"
    return "urgent" if event.level == "urgent" else "elevated"


def check_outcome(thinking: str, safe: str) -> str:
    """What the safety check's answers lead to.

    "now": thinking about it right now, or not safe: the emergency number first.
    "talk": not sure: a person to talk to first, the emergency number close by.
    "steady": neither: the crisis lines, the plan and grounding.
    """
    if thinking == "yes" or safe == "no":
        return "now"
    if thinking == "unsure" or (not thinking and not safe):
        return "talk"
    return "steady"


def country_for(request: HttpRequest) -> str:
    """The country whose lines to show: asked for; else the member's; else the browser's."""
    asked = request.GET.get("country", "").strip() if hasattr(request, "GET") else ""
    if asked:
        return asked
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.country:
        return user.country
    for part in request.headers.get("Accept-Language", "").split(","):
        tag = part.split(";")[0].strip()
        if "-" in tag:
            return tag.split("-")[1]
    return ""


@dataclass(frozen=True)
class Reach:
    """One way to reach a person in the safety plan, found in what the member wrote."""

    label: str
    href: str


# A number as people write it: at least three digits, with spaces, dashes or brackets.
_NUMBER_RE = re.compile(r"\+?\d[\d\s().-]*\d|\d{3,}")


def reach_links(item: str) -> list[Reach]:
    """Call and text links for the numbers in one plan line ("Sam 07700 900123")."""
    found = []
    for match in _NUMBER_RE.finditer(item):
        number = match.group().strip()
        digits = re.sub(r"\D", "", number)
        if len(digits) < 3 or len(digits) > 15:
            continue
        dial = f"+{digits}" if number.startswith("+") else digits
        before = item[: match.start()].lower().rstrip()
        if before.endswith(("text", "text:", "sms", "sms:")):
            found.append(Reach(label=f"Text {number}", href=f"sms:{dial}"))
        else:
            found.append(Reach(label=f"Call {number}", href=f"tel:{dial}"))
    return found


def _line_item(line: Line) -> str:
    ways = [c.value for c in line.contacts if c.kind in ("call", "text")]
    if not ways:
        ways = [c.value for c in line.contacts[:1]]
    hours = f" ({line.hours})" if line.hours else ""
    return f"{line.name}{hours}: {', '.join(ways)}" if ways else line.name


def default_professionals(country: CountryLines) -> list[str]:
    """The professionals section of a new plan: the country's emergency number and lines."""
    items = []
    if country.emergency.number:
        items.append(f"Emergency: {country.emergency.number}")
    else:
        items.append("Emergency: my local emergency number")
    items += [_line_item(line) for line in country.crisis_lines]
    return items
