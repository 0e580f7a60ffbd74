from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import actions, lines, queries, response
from .forms import EventForm, SafetyCheckForm, SafetyPlanForm

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

    from .models import RiskEvent
from .templatetags.safety_tags import plan_summary

# Re-exported: other code has imported it from here.
country_for = response.country_for

SOURCE_WORDS = {
    "journal": "Journal",
    "checkin": "Check-in",
    "assessment": "Questionnaire",
}
LEVEL_WORDS = {
    "elevated": "A very heavy moment",
    "urgent": "A moment when you may have been in danger",
}
CATEGORY_WORDS = {
    "suicide": "thoughts of not wanting to be alive",
    "self_harm": "thoughts of hurting yourself",
    "harm_to_others": "strong anger toward someone",
    "abuse": "feeling unsafe with someone",
}
THINKING_WORDS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
SAFE_WORDS = {"yes": "Yes", "no": "No"}


def _country_context(request: HttpRequest) -> dict:
    return {
        "country": lines.load_country(country_for(request)),
        "countries": lines.all_countries(),
    }


@require_GET
def help_now(request: HttpRequest) -> HttpResponse:
    """Get help now: one tap from every page, signed in or not."""
    return render(request, "safety/help.html", _country_context(request))


@require_GET
def home_safety(request: HttpRequest) -> HttpResponse:
    """Danger at home, and using the app more safely on a shared device. Public."""
    return render(request, "safety/home_safety.html", _country_context(request))


def _source_words(event: RiskEvent) -> str:
    """Where a moment was noticed, in words: a known place by name, a new one from its code."""
    return SOURCE_WORDS.get(event.source, event.source.replace("_", " ").capitalize())


def _owned_event(request: MemberRequest, event_id: object) -> RiskEvent:
    # Another member's id answers exactly as an id that does not exist.
    event = queries.event_of(request.user, event_id)
    if event is None:
        raise Http404
    return event


def _safe_next(request: HttpRequest, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@login_required
@require_POST
def dismiss(request: MemberRequest) -> HttpResponse:
    """'I'm OK for now': close the panel, and keep the moment in the member's record."""
    form = EventForm(request.POST)
    if not form.is_valid():
        raise Http404
    event = _owned_event(request, form.cleaned_data["event"])
    actions.do_acknowledge(event)
    response.clear_pending(request, event)
    messages.info(request, "Help stays one tap away, at the top of every page.")
    return redirect(_safe_next(request, form.cleaned_data["next"]))


@login_required
@require_POST
def check(request: MemberRequest) -> HttpResponse:
    """The short safety check: keep the answers, then show what fits them."""
    form = SafetyCheckForm(request.POST, prefix=SafetyCheckForm.PREFIX)
    form.is_valid()
    if "event" in form.errors:
        raise Http404
    event = _owned_event(request, form.cleaned_data["event"])
    # An answer we do not know counts as no answer: someone in crisis must never
    # meet an error page here, and the result page still shows help.
    actions.do_answer_safety_check(
        event,
        thinking=form.cleaned_data.get("thinking", ""),
        safe=form.cleaned_data.get("safe", ""),
    )
    response.clear_pending(request, event)
    return redirect("safety:check_result", event_id=event.pk)


@login_required
@require_GET
def check_result(request: MemberRequest, event_id) -> HttpResponse:
    event = _owned_event(request, event_id)
    answers = event.safety_check or {}
    outcome = response.check_outcome(answers.get("thinking", ""), answers.get("safe", ""))
    country = lines.load_country(country_for(request))
    kind = response.panel_kind(event)
    return render(
        request,
        "safety/check_result.html",
        {
            "event": event,
            "outcome": outcome,
            "kind": kind,
            "abuse": kind == "abuse",
            "country": country,
            "plan": plan_summary(request.user),
        },
    )


@login_required
@require_GET
def record(request: MemberRequest) -> HttpResponse:
    """The member's own record of hard moments: only theirs, sealed, theirs to delete."""
    zone = request.user.zone
    rows = []
    for event in queries.events_of(request.user):
        answers = event.safety_check or {}
        rows.append(
            {
                "event": event,
                "when": timezone.localtime(event.created, zone),
                "source": _source_words(event),
                "level": LEVEL_WORDS.get(event.level, event.level),
                "categories": [
                    CATEGORY_WORDS[c] for c in sorted(event.category_set) if c in CATEGORY_WORDS
                ],
                "thinking": THINKING_WORDS.get(answers.get("thinking", "")),
                "safe": SAFE_WORDS.get(answers.get("safe", "")),
                "answered": bool(answers),
            }
        )
    return render(request, "safety/record.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def record_delete(request: MemberRequest, event_id: uuid.UUID) -> HttpResponse:
    """Ask first (a page, so it works without JavaScript); on POST the note is gone at once."""
    event = _owned_event(request, event_id)
    if request.method == "POST":
        response.clear_pending(request, event)
        actions.do_delete_event(event)
        messages.success(request, "That note is deleted.")
        return redirect("safety:record")
    return render(
        request,
        "safety/record_delete.html",
        {
            "event": event,
            "when": timezone.localtime(event.created, request.user.zone),
            "source": _source_words(event),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: MemberRequest) -> HttpResponse:
    """Build or change the safety plan. Every section can be left empty."""
    existing = queries.safety_plan_of(request.user)
    if existing is not None:
        initial = SafetyPlanForm.initial_from(existing.sections or {})
    else:
        country = lines.load_country(country_for(request))
        initial = {"professionals": "\n".join(response.default_professionals(country))}
    form = SafetyPlanForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            actions.do_save_safety_plan(request.user, form.sections())
            messages.success(request, "Your plan is saved.")
            return redirect("safety:plan")
        messages.error(
            request, "Something needs a look before we can save. Your words are still here."
        )
    return render(request, "safety/plan.html", {"form": form, "plan": existing})


@login_required
@require_GET
def plan_print(request: MemberRequest) -> HttpResponse:
    existing = queries.safety_plan_of(request.user)
    return render(
        request,
        "safety/plan_print.html",
        {
            "plan": existing,
            "sections": queries.plan_sections(existing),
            "updated": timezone.localtime(existing.updated, request.user.zone)
            if existing
            else None,
        },
    )
