"""The calm tool's pages: thin views that parse, call an action or a query, and render."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reclaim.assessments import queries as assessment_queries
from reclaim.toolkit.pages import after_save, own
from reclaim.toolkit.registry import tool

from . import actions, breathing, queries, when
from .forms import SENSES, GroundingForm, ParkForm, ReflectForm, SettingsForm, WhenForm

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

TOOL = tool("calm")


def _page(request: MemberRequest, template: str, **context: Any) -> HttpResponse:
    return render(
        request,
        f"calm/{template}",
        {"nav": "toolkit", "tool": TOOL, "zone": request.user.zone, **context},
    )


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    return _page(
        request,
        "index.html",
        board=queries.board(request.user, now),
        groundings=queries.groundings(request.user),
    )


# --- 5-4-3-2-1 grounding ------------------------------------------------------

LAST_STEP = len(SENSES)


def _step(value: object) -> int:
    try:
        step = int(str(value))
    except ValueError:
        return 1
    return min(max(step, 1), LAST_STEP + 1)


@login_required
@require_http_methods(["GET", "POST"])
def grounding(request: MemberRequest) -> HttpResponse:
    """One sense per screen. The notes travel with the form and are saved only on request."""
    if request.method == "GET":
        return _grounding_page(request, _step(request.GET.get("step", 1)), GroundingForm())
    step = _step(request.POST.get("step", 1))
    go = request.POST.get("go", "next")
    form = GroundingForm(request.POST)
    if not form.is_valid():
        return _grounding_page(request, step, form)
    if go == "save":
        kept, event = actions.do_save_grounding(request.user, form.cleaned_data)
        after_save(request, event)
        if kept is not None:
            messages.success(request, "Your notes are kept. Only you can read them.")
        return redirect("calm:index")
    step = step - 1 if go == "back" else step + 1
    # A fresh, unbound form with the same words: the next screen shows no
    # errors and carries everything typed so far.
    return _grounding_page(request, _step(step), GroundingForm(initial=form.cleaned_data))


def _grounding_page(request: MemberRequest, step: int, form: GroundingForm) -> HttpResponse:
    sense = SENSES[step - 1] if step <= LAST_STEP else None
    noted = []
    if sense is None:
        values = form.cleaned_data if form.is_bound and form.is_valid() else form.initial
        noted = [(label, values.get(code)) for code, _, _, label in SENSES if values.get(code)]
    return _page(
        request,
        "grounding.html",
        step=step,
        last=LAST_STEP,
        sense=sense,
        form=form,
        field=form[sense[0]] if sense else None,
        carried=[form[code] for code, *_ in SENSES if not sense or code != sense[0]],
        noted=noted,
    )


@login_required
@require_http_methods(["GET", "POST"])
def grounding_detail(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    # Found before the method is checked, so someone else's notes answer
    # 404 to anything: never a hint that they exist.
    kept = own(request, queries.owned_groundings, pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    notes = kept.notes or {}
    rows = [(label, notes[code]) for code, _, _, label in SENSES if notes.get(code)]
    return _page(request, "grounding_detail.html", kept=kept, rows=rows)


@login_required
@require_http_methods(["GET", "POST"])
def grounding_delete(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    kept = own(request, queries.owned_groundings, pk)
    if request.method == "POST":
        actions.do_delete_grounding(kept)
        messages.success(request, "Those notes are deleted.")
        return redirect("calm:index")
    return _page(request, "delete.html", what="these grounding notes", back=kept)


# --- paced breathing ------------------------------------------------------------


@login_required
@require_GET
def breathe(request: MemberRequest) -> HttpResponse:
    pattern = breathing.get_pattern(request.GET.get("pattern"))
    minutes = breathing.get_minutes(request.GET.get("minutes"))
    return _page(
        request,
        "breathe.html",
        pattern=pattern,
        minutes=minutes,
        patterns=breathing.PATTERNS,
        minute_choices=breathing.MINUTES,
        breaths=breathing.guide(pattern, minutes),
    )


# --- parking a thought ------------------------------------------------------------


def _when_context(request: HttpRequest, form: WhenForm) -> dict[str, Any]:
    """The choices, each with the moment it means for this member right now."""
    zone, now, worry = form.zone, form.now, form.worry
    local_today = now.astimezone(zone).date()

    def said(moment: datetime) -> str:
        local = moment.astimezone(zone)
        if local.date() == local_today:
            return f"today at {local:%H:%M}"
        if local.date() == local_today + timedelta(days=1):
            return f"tomorrow at {local:%H:%M}"
        return f"{local:%a %-d %b} at {local:%H:%M}"

    later = when.later_today(now).astimezone(zone)
    labels = {
        "worry": f"At my worry time ({said(when.next_worry_time(now, zone, worry))})",
        "later": f"Later today ({later:%H:%M})"
        if later.date() == local_today
        else f"In a few hours ({said(later)})",
        "tomorrow": f"Tomorrow, at my worry time ({worry:%H:%M})",
        "choose": "A day and time I choose",
    }
    chosen = form.data.get("when") if form.is_bound else form.initial.get("when", "worry")
    return {
        "form": form,
        "choices": [(code, labels[code], code == chosen) for code, _ in when.CHOICES],
        "when_fields": [form["day"], form["time"]],
        "worry": worry,
    }


def _when_kwargs(request: MemberRequest) -> dict[str, Any]:
    row = queries.settings_of(request.user)
    return {"now": timezone.now(), "zone": request.user.zone, "worry": queries.worry_time_of(row)}


def _said_due(request: MemberRequest, due: datetime) -> str:
    return f"{due.astimezone(request.user.zone):%a %-d %b, %H:%M}"


@login_required
@require_http_methods(["GET", "POST"])
def park(request: MemberRequest) -> HttpResponse:
    if request.method == "POST":
        form = ParkForm(request.POST, **_when_kwargs(request))
        if form.is_valid():
            due = form.cleaned_data["due"]
            _, event = actions.do_park(request.user, form.cleaned_data["thought"], due)
            after_save(request, event)
            messages.success(
                request, f"Parked until {_said_due(request, due)}. It will wait for you here."
            )
            return redirect("calm:index")
    else:
        form = ParkForm(initial={"when": "worry"}, **_when_kwargs(request))
    return _page(request, "park.html", **_when_context(request, form))


@login_required
@require_GET
def rested(request: MemberRequest) -> HttpResponse:
    return _page(request, "rested.html", thoughts=queries.rested(request.user))


@login_required
@require_http_methods(["GET", "POST"])
def thought(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    """Look at a parked thought, and write what you think of it now."""
    parked = own(request, queries.owned_thoughts, pk)
    if request.method == "POST":
        form = ReflectForm(request.POST)
        if form.is_valid():
            done = request.POST.get("then") == "done"
            _, event = actions.do_reflect(parked, form.cleaned_data["now"], done=done)
            after_save(request, event)
            if done:
                messages.success(request, "Saved, and put to rest.")
                return redirect("calm:index")
            messages.success(request, "Saved.")
            return redirect("calm:thought", pk=parked.pk)
    else:
        form = ReflectForm(initial={"now": parked.now})
    return _page(
        request,
        "thought.html",
        thought=parked,
        ready=parked.due <= timezone.now(),
        form=form,
    )


@login_required
@require_POST
def thought_done(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    actions.do_mark_done(own(request, queries.owned_thoughts, pk))
    messages.success(request, "Put to rest. Well done for coming back to it.")
    return redirect("calm:index")


@login_required
@require_http_methods(["GET", "POST"])
def thought_repark(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    parked = own(request, queries.owned_thoughts, pk)
    if request.method == "POST":
        form = WhenForm(request.POST, **_when_kwargs(request))
        if form.is_valid():
            due = form.cleaned_data["due"]
            actions.do_repark(parked, due)
            messages.success(request, f"Parked again until {_said_due(request, due)}.")
            return redirect("calm:index")
    else:
        form = WhenForm(initial={"when": "worry"}, **_when_kwargs(request))
    return _page(request, "repark.html", thought=parked, **_when_context(request, form))


@login_required
@require_http_methods(["GET", "POST"])
def thought_delete(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    parked = own(request, queries.owned_thoughts, pk)
    if request.method == "POST":
        actions.do_delete_thought(parked)
        messages.success(request, "The thought is deleted.")
        return redirect("calm:index")
    return _page(request, "delete.html", what="this thought", back=parked)


# --- settings ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def calm_settings(request: MemberRequest) -> HttpResponse:
    can_email = assessment_queries.verified_email(request.user) is not None
    row = queries.settings_of(request.user)
    if request.method == "POST":
        form = SettingsForm(request.POST, can_email=can_email)
        if form.is_valid():
            actions.do_save_settings(
                request.user,
                worry_time=form.cleaned_data["worry_time"],
                by_email=bool(form.cleaned_data.get("by_email")),
            )
            messages.success(request, "Saved.")
            return redirect("calm:index")
    else:
        form = SettingsForm(
            initial={"worry_time": queries.worry_time_of(row), "by_email": row.by_email},
            can_email=can_email,
        )
    return _page(request, "settings.html", form=form, can_email=can_email)
