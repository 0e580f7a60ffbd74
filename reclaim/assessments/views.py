"""Questionnaire pages: the list, taking one, a result, and past results.

Page titles stay neutral ("Questionnaires", "Questions", "Result"): a title shows
in tabs, history and the task switcher, where someone else may see it. The
instrument's proper name and the credit its authors ask for are in the page.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reclaim.safety import response as safety_response
from reclaim.safety.lines import load_country

from . import actions, queries
from .forms import NoteForm, ReminderPreferenceForm
from .instruments import AnswerError, Instrument, LicenceStatus, get
from .paging import Go, Move, Paging, answers_from_post, worth_saving
from .scoring import CHANGE_LABELS, IMPROVED, NO_RELIABLE_CHANGE, WORSENED, change

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

    from .models import Result

# Roughly how long one answer takes, for "about 2 minutes" on the list.
SECONDS_PER_ITEM = 10

LICENCE_WORDS = {
    LicenceStatus.PUBLIC_DOMAIN: "In the public domain.",
    LicenceStatus.FREE_NO_PERMISSION: "Free to use; no permission needed.",
    LicenceStatus.FREE_WITH_CITATION: "Used free of charge, with credit to its authors.",
    LicenceStatus.RESEARCH_EDUCATION_ONLY: (
        "Its authors allow its use for research and education, with credit."
    ),
    LicenceStatus.UNCLEAR: "Used with credit to its authors.",
}


# --- the list ---------------------------------------------------------------


def _minutes(instrument: Instrument) -> int:
    return max(1, math.ceil(instrument.item_count * SECONDS_PER_ITEM / 60))


def _elapsed_words(since: datetime, now: datetime) -> str:
    days = (now - since).days
    if days < 21:
        return "two weeks"
    if days < 28:
        return "three weeks"
    if days < 35:
        return "four weeks"
    if days < 90:
        return "over a month"
    return "a while"


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    """The questionnaires on offer, when each was last taken, and reminders that are due."""
    user = request.user
    preference = queries.reminder_preference(user)
    can_email = queries.verified_email(user) is not None
    form = ReminderPreferenceForm(
        initial={"in_app": preference.in_app, "by_email": preference.by_email},
        can_email=can_email,
    )
    now = timezone.now()
    reminders = [
        {
            "id": reminder.id,
            "code": reminder.code,
            "text": (
                f"It's been {_elapsed_words(reminder.result.taken, now)} since you last did "
                f"the {reminder.instrument.plain_name.lower()} questionnaire. Whenever you're ready."
            ),
        }
        for reminder in queries.open_reminders(user, preference)
    ]
    rows = [
        {"overview": row, "minutes": _minutes(row.instrument)} for row in queries.overview(user)
    ]
    return render(
        request,
        "assessments/index.html",
        {
            "nav": "questionnaires",
            "rows": rows,
            "reminders": reminders,
            "form": form,
            "can_email": can_email,
            "zone": user.zone,
        },
    )


@login_required
@require_POST
def reminder_settings(request: MemberRequest) -> HttpResponse:
    user = request.user
    can_email = queries.verified_email(user) is not None
    form = ReminderPreferenceForm(request.POST, can_email=can_email)
    # Two checkboxes cannot be invalid; is_valid() only fills cleaned_data.
    form.is_valid()
    actions.do_set_reminder_preference(
        user,
        in_app=form.cleaned_data.get("in_app", False),
        by_email=form.cleaned_data.get("by_email", False),
    )
    messages.success(request, "Saved. You can change this any time.")
    return redirect("assessments:index")


@login_required
@require_POST
def close_reminder(request: MemberRequest, reminder_id: uuid.UUID) -> HttpResponse:
    if not actions.do_close_reminder(request.user, reminder_id):
        raise Http404
    return redirect("assessments:index")


# --- taking a questionnaire -------------------------------------------------


@dataclass
class Question:
    number: int
    text: str
    options: list[tuple[int, str, bool]]
    error: str = ""

    @property
    def name(self) -> str:
        return f"q{self.number}"


def _option_words(instrument: Instrument) -> list[tuple[int, str]]:
    # The SCS-SF labels only the ends of its scale; there the number is shown
    # beside every label so "1 – Almost never … 5 – Almost always" reads as a scale.
    numbered = any(not option.label for option in instrument.options)
    return [
        (
            option.value,
            f"{option.value} – {option.label}"
            if numbered and option.label
            else option.display_label,
        )
        for option in instrument.options
    ]


def _take_url(code: str, page: int, anchor: str = "") -> str:
    url = reverse("assessments:take", args=[code]) + "?" + urlencode({"page": page})
    return url + (f"#{anchor}" if anchor else "")


def _render_take(
    request: HttpRequest,
    instrument: Instrument,
    paging: Paging,
    page: int,
    saved: dict[int, int],
    *,
    note_form: NoteForm | None,
    errors: dict[int, str] | None = None,
    resumed: bool = False,
) -> HttpResponse:
    errors = errors or {}
    words = _option_words(instrument)
    questions = [
        Question(
            number=number,
            text=instrument.items[number - 1].text,
            options=[(value, text, saved.get(number) == value) for value, text in words],
            error=errors.get(number, ""),
        )
        for number in paging.items_on(page)
    ]
    return render(
        request,
        "assessments/take.html",
        {
            "nav": "questionnaires",
            "instrument": instrument,
            "instructions": instrument.screen_instructions or instrument.instructions,
            "questions": questions,
            "missing": [question for question in questions if question.error],
            "page": page,
            "page_count": paging.count,
            "is_last": paging.is_last(page),
            "answered": len(saved),
            "total": instrument.item_count,
            "note_form": note_form,
            "resumed": resumed,
            "licence_words": LICENCE_WORDS[instrument.licence.status],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def take(request: MemberRequest, code: str) -> HttpResponse:
    """A questionnaire a few questions at a time; answers are kept as the member goes.

    Leaving and coming back later opens the first page with a question still
    unanswered, with every earlier answer in place.
    """
    instrument = queries.enabled_instrument(code)
    if instrument is None:
        raise Http404
    user = request.user
    paging = Paging.for_items(instrument.item_count)
    progress = queries.in_progress(user, instrument.code)
    saved = progress.answer_map if progress else {}

    if request.method == "GET":
        asked = paging.page_from(request.GET.get("page"))
        page = asked or paging.first_open(saved)
        note_form = (
            NoteForm(initial={"note": progress.note if progress else ""})
            if paging.is_last(page)
            else None
        )
        return _render_take(
            request,
            instrument,
            paging,
            page,
            saved,
            note_form=note_form,
            resumed=bool(saved) and asked is None,
        )

    page = paging.page_from(request.POST.get("page")) or 1
    posted = answers_from_post(instrument, request.POST, paging.items_on(page))
    note_form = NoteForm(request.POST) if paging.is_last(page) else None
    note_ok = note_form is None or note_form.is_valid()
    note = note_form.cleaned_data["note"] if note_form is not None and note_ok else None
    if worth_saving(posted, note, started=progress is not None):
        progress = actions.do_save_answers(user, instrument.code, posted, note=note)
        saved = progress.answer_map

    step = paging.after_post(page, Go.parse(request.POST.get("go")), saved, note_ok=note_ok)
    if step.move is Move.KEPT:
        return HttpResponse(status=204)
    if step.move is Move.SHOW:
        errors = {
            number: "This one still needs an answer. Choose the one closest to how it has been."
            for number in step.missing
        }
        return _render_take(
            request, instrument, paging, page, saved, note_form=note_form, errors=errors
        )
    if step.move is Move.PAGE:
        return redirect(_take_url(instrument.code, step.page))
    if step.move is Move.LATER:
        messages.success(
            request, "Your answers are kept. You can carry on whenever you like, from here."
        )
        return redirect("assessments:index")

    try:
        result = actions.do_finish(user, instrument.code)
    except AnswerError as error:
        # Only reachable when an earlier page was left incomplete.
        item = error.item or 1
        messages.info(
            request,
            f"Question {item} still needs an answer: “{instrument.items[item - 1].text}” "
            "Your other answers are kept.",
        )
        return redirect(_take_url(instrument.code, paging.page_of(item), f"q{item}"))
    _listen_for_risk(request, result)
    return redirect("assessments:result", result_id=result.id)


def _listen_for_risk(request: HttpRequest, result: Result) -> None:
    """Show the safety panel on the next page for any moment of risk the result kept.

    The moments were recorded with the result, in one transaction
    (actions.do_finish); this only marks them for the member's session. A
    lighter moment never replaces a more serious one (see mark_pending).
    """
    for event in getattr(result, "risk_events", ()):
        safety_response.mark_pending(request, event)


# --- results ----------------------------------------------------------------


CHANGE_WORDS = {
    IMPROVED: (
        CHANGE_LABELS[IMPROVED],
        "That is a real change, bigger than everyday ups and downs.",
    ),
    WORSENED: (
        CHANGE_LABELS[WORSENED],
        "The change is bigger than everyday ups and downs. That can happen while healing; "
        "you could be extra gentle with yourself, and perhaps tell someone who supports you.",
    ),
    NO_RELIABLE_CHANGE: (
        CHANGE_LABELS[NO_RELIABLE_CHANGE],
        "The difference is within everyday ups and downs.",
    ),
}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@login_required
@require_GET
def result(request: MemberRequest, result_id: uuid.UUID) -> HttpResponse:
    """One result in plain words: the score, what it suggests, what it is not, and any change."""
    user = request.user
    found = queries.own_result(user, result_id)
    instrument = found.instrument
    current = found.to_score()
    band = instrument.band(current.band)

    previous = queries.previous_result(found)
    change_text = None
    if previous is not None:
        before = previous.to_score()
        label = change(instrument.code, before, current)
        if label is not None:
            headline, detail = CHANGE_WORDS[label]
            change_text = {
                "headline": headline,
                "detail": detail,
                "before": queries.score_words(instrument, before.score),
                "after": queries.score_words(instrument, current.score),
                "when": previous.taken,
            }

    flags = [flag for flag in instrument.flags if flag.code in current.flags]
    # Right after finishing, the safety work's own panel (in the layout) is
    # waiting for this moment; this page's calmer panel then stays out of the
    # way, and shows whenever the result is opened again.
    safety = "safety" in current.flags and safety_response.pending_event(request) is None
    suggest_professional = instrument.code == "pcl5" and (
        "dsm5_pattern" in current.flags or current.band == "at_or_above_cutpoint"
    )
    return render(
        request,
        "assessments/result.html",
        {
            "nav": "questionnaires",
            "result": found,
            "instrument": instrument,
            "score": queries.score_words(instrument, current.score),
            "band": band,
            "flags": [flag for flag in flags if flag.code != "safety"],
            "safety_flag": (
                next((flag for flag in flags if flag.code == "safety"), None) if safety else None
            ),
            # The member's own country; the fallback names no numbers but says what to do.
            "country": load_country(user.country) if safety else None,
            "suggest_professional": suggest_professional,
            "time_frame": _lower_first(instrument.time_frame),
            "change": change_text,
            "note": found.note,
            "zone": user.zone,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def result_delete(request: MemberRequest, result_id: uuid.UUID) -> HttpResponse:
    """Ask first; on POST the result is gone at once."""
    found = queries.own_result(request.user, result_id)
    instrument = found.instrument
    if request.method == "POST":
        actions.do_delete_result(found)
        messages.success(request, "That result is deleted.")
        return redirect("assessments:history", code=instrument.code)
    return render(
        request,
        "assessments/result_delete.html",
        {
            "nav": "questionnaires",
            "result": found,
            "instrument": instrument,
            "zone": request.user.zone,
        },
    )


@login_required
@require_GET
def history(request: MemberRequest, code: str) -> HttpResponse:
    """One questionnaire's results over time, as a table (the chart is on the progress page)."""
    try:
        instrument = get(code)
    except ValueError:
        raise Http404 from None
    points = queries.series(request.user, instrument.code)
    can_take = queries.enabled_instrument(instrument.code) is not None
    if not points and not can_take:
        raise Http404
    rows = [
        {
            "id": point.result_id,
            "taken": point.taken,
            "score": queries.score_words(instrument, point.score.score),
            "band": instrument.band(point.score.band).label,
            "change": CHANGE_WORDS[point.change][0] if point.change else "",
        }
        for point in reversed(points)
    ]
    return render(
        request,
        "assessments/history.html",
        {
            "nav": "questionnaires",
            "instrument": instrument,
            "rows": rows,
            "can_take": can_take,
            "has_threshold": instrument.change_threshold is not None,
            "improved_words": CHANGE_LABELS[IMPROVED],
            "zone": request.user.zone,
        },
    )
