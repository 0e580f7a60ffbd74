"""What happens when a member writes something that sounds like they are at risk.

Every writing action (journal, check-in notes, questionnaire notes, and whatever
comes later: toolkit, lessons) does the same two steps, in this order:

1. ``heard = listen(text, user.language)`` *before* its write transaction. It is
   pure computation on the plaintext (and may take tens of milliseconds), so it
   must not hold the database's locks.
2. ``event = record(user, heard, "journal", item=entry.pk)`` *inside* the same
   ``transaction.atomic()`` block that saves the words.

So the words and their RiskEvent are kept together or not at all: a crash, a
killed worker or a lost connection can never keep the text and lose the moment
of risk. The view then calls ``mark_pending(request, event)`` so the next page
shows a calm panel with help (see templatetags/safety_tags.py).

Three promises hold here, because a person in crisis must never be punished for
writing honestly:

- nothing is blocked: risk language never stops a save. If detection itself
  fails, ``listen`` logs the kind of error only (never its message, which could
  quote the text) and answers "no risk", and the words are saved as usual;
- the words and their event share one fate: if the database cannot keep the
  event, it cannot keep the words in that transaction either, and the caller's
  usual error handling applies (drafts keep what was typed);
- nothing is sent anywhere, with one exception the member chooses: if they
  switched on risk alerts for a practitioner (Sharing), an urgent moment
  tells that practitioner that it happened and when, never the words, the
  source or the kind of risk. Safety does not know who listens: listeners
  register through ``core.hooks.register_urgent_listener``.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from reclaim.core import hooks
from reclaim.safety.detection import RiskAssessment

from . import actions, queries
from .lines import CountryLines, Line
from .models import RiskEvent

log = logging.getLogger("reclaim.safety")

SESSION_KEY = "safety_event"
# How long writing the same risk again from the same place counts as the same moment.
SAME_MOMENT = timedelta(minutes=15)
SELF_CATEGORIES = frozenset({"suicide", "self_harm"})
_SOURCE_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")

#: What "no risk heard" looks like (also the answer when detection fails).
NOTHING_HEARD = RiskAssessment()
#: A PHQ-9 answer above "Not at all" to item 9 opens the urgent path like urgent words.
PHQ9_SAFETY_FLAG = RiskAssessment("urgent", frozenset({"suicide"}), ("PHQ-9 item 9",))


def _detect(text: str, language: str) -> RiskAssessment:
    """The detection engine, imported late so a problem in it cannot break a page load."""
    from reclaim.safety import detect

    return detect(text, language=language)


def _clean_source(source: str) -> str:
    # The source is a code chosen by a developer; if text ever arrives here by
    # mistake it must not be kept, even sealed, where a code is expected.
    if isinstance(source, str) and _SOURCE_RE.match(source):
        return source
    log.warning("safety source was not a short code; stored as 'other'")
    return "other"


def listen(text: str, language: str = "en") -> RiskAssessment:
    """Step one, before the write transaction: what risk, if any, the words carry.

    Pure computation: no database, no network. Never raises: a failure of the
    detection engine is logged by its type only and heard as no risk, so the
    member's words are saved all the same.
    """
    if not text or not text.strip():
        return NOTHING_HEARD
    try:
        return _detect(text, language or "en")
    except Exception as error:
        # Only the kind of error: its message or traceback could quote the text.
        log.error("safety listening failed: %s", type(error).__name__)
        return NOTHING_HEARD


def record(user, heard: RiskAssessment, source: str, *, item: object = None) -> RiskEvent | None:
    """Step two, inside the transaction that saves the words: keep the moment with them.

    ``item`` is the key of the row the words were saved in (an entry, a
    check-in, a result). Returns the RiskEvent for this moment: a new one, or
    the one kept in the last few minutes for the same row with the same risk
    (see ``_same_moment``). Without an ``item`` every save is a moment of its
    own. None when nothing was heard or the user is not a signed-in member.

    Raises RuntimeError when called outside a transaction: that would bring back
    the gap this function exists to close.
    """
    if heard.level == "none" or not getattr(user, "is_authenticated", False):
        return None
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(
            "safety.record() must run inside the transaction.atomic() block that saves the words."
        )
    source = _clean_source(source)
    kept_item = None if item is None else str(item)
    same = _same_moment(user, source, kept_item, heard.level, frozenset(heard.categories))
    if same is not None:
        return same
    event = actions.do_record_risk(
        user,
        source=source,
        item=kept_item,
        level=heard.level,
        categories=heard.categories,
        reasons=heard.reasons,
    )
    if event.level == "urgent":
        _tell_listeners(user, event.created)
    return event


def _tell_listeners(user, moment: datetime) -> None:
    """Tell whoever listens for urgent moments (risk alerts the member switched on).

    Each listener runs in a savepoint of its own: if it fails, it is logged by
    the kind of error only and undone, and the member's words and their
    moment are kept all the same.
    """
    for listener in hooks.urgent_listeners():
        try:
            with transaction.atomic():
                listener(user, moment)
        except Exception as error:
            log.error("urgent listener failed: %s", type(error).__name__)


def _same_moment(
    user, source: str, item: str | None, level: str, categories: frozenset[str]
) -> RiskEvent | None:
    """A very recent event for the same row with the same risk, if there is one.

    Editing an entry to fix a typo is the same hard moment: it should not fill
    the member's record with copies, nor bring back a panel they have just
    answered. Other words, even from the same tool a minute later, are a new
    moment: folding them into an earlier one (perhaps a false alarm) would
    keep the panel away and leave a practitioner the member asked to alert
    untold.
    """
    if item is None:
        return None
    since = timezone.now() - SAME_MOMENT
    for event in queries.recent_events(user, since):
        if (
            event.item == item
            and event.source == source
            and event.level == level
            and event.category_set == categories
        ):
            return event
    return None


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
        event = queries.event_of(user, event_id)
    if event is not None and event.acknowledged is not None:
        event = None
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
