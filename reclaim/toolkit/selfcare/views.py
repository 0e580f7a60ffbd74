from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reclaim.toolkit.pages import after_save, own
from reclaim.toolkit.registry import tool
from reclaim.toolkit.writing import today_for

from . import actions, queries
from .areas import AREA_CODES, AREAS, suggestions_for
from .forms import DoneForm, OwnActivityForm, PlanForm

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

TOOL = tool("self-care")


def _page(request: HttpRequest, template: str, **context: object) -> HttpResponse:
    return render(request, template, {"nav": "toolkit", "tool": TOOL, **context})


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    today = today_for(request.user)
    weeks = queries.recent_weeks(request.user, today)
    this_week = weeks[0]
    done_today = {d.activity_id for d in this_week.entries if d.day == today}
    plan = queries.plan_of(request.user)
    return _page(
        request,
        "selfcare/index.html",
        plan=plan,
        has_plan=any(area.activities for area in plan),
        done_today=done_today,
        this_week=this_week,
        earlier_weeks=weeks[1:],
    )


@login_required
@require_POST
def log(request: MemberRequest, activity_id: uuid.UUID) -> HttpResponse:
    """The one-tap "I did this today", with an optional note."""
    activity = own(request, queries.owned_activities, activity_id)
    form = DoneForm(request.POST)
    if not form.is_valid():
        # Only a note that is too long gets here: show it back, nothing counted yet.
        return _page(request, "selfcare/log_form.html", form=form, activity=activity)
    done, event = actions.do_log(
        request.user, activity, form.cleaned_data["note"], again=form.cleaned_data["again"]
    )
    after_save(request, event)
    if done is None:
        messages.info(
            request,
            "That is already noted for today. If you did it again, "
            "tap “I did it again” and it will count twice.",
        )
    else:
        # No activity words in the message: messages may travel in a cookie.
        messages.success(request, "Noted. Well done for making the time.")
    return redirect(reverse("selfcare:index") + f"#activity-{activity.pk}")


def _week_start(start: str | None, today: date) -> date:
    if start is None:
        return queries.week_start(today)
    try:
        day = date.fromisoformat(start)
    except ValueError:
        raise Http404 from None
    if day > today:
        raise Http404
    return queries.week_start(day)


@login_required
@require_GET
def week(request: MemberRequest, start: str | None = None) -> HttpResponse:
    today = today_for(request.user)
    first = _week_start(start, today)
    this = queries.week_start(today)
    shown = queries.week_of(request.user, first)
    return _page(
        request,
        "selfcare/week.html",
        week=shown,
        is_this_week=first == this,
        earlier=first - timedelta(weeks=1),
        later=first + timedelta(weeks=1) if first < this else None,
        later_is_this_week=first + timedelta(weeks=1) == this,
    )


@login_required
@require_http_methods(["GET", "POST"])
def done_delete(request: MemberRequest, done_id: uuid.UUID) -> HttpResponse:
    done = own(request, queries.owned_done, done_id)
    back = reverse("selfcare:week_of", args=[queries.week_start(done.day).isoformat()])
    if request.method == "POST":
        actions.do_delete_done(done)
        messages.success(request, "It is taken off your log.")
        return redirect(back)
    return _page(request, "selfcare/done_delete.html", done=done, back=back)


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: MemberRequest) -> HttpResponse:
    current = queries.plan_of(request.user)
    own_counts = {area.code: sum(1 for a in area.activities if a.own) for area in current}
    if request.method == "POST":
        form = PlanForm(request.POST, own_counts=own_counts)
        if form.is_valid():
            event = actions.do_update_plan(
                request.user,
                form.cleaned_data["chosen"],
                {area: form.cleaned_data[f"own_{area}"] for area in AREA_CODES},
            )
            after_save(request, event)
            messages.success(request, "Your plan is saved.")
            return redirect("selfcare:index")
        ticked = set(request.POST.getlist("chosen"))
    else:
        form = PlanForm(own_counts=own_counts)
        ticked = {a.code for area in current for a in area.activities if a.code}
    areas = [
        {
            "area": area,
            "suggestions": suggestions_for(area.code),
            "own": [a for a in planned.activities if a.own],
            "field": form[f"own_{area.code}"],
        }
        for area, planned in zip(AREAS, current, strict=True)
    ]
    return _page(request, "selfcare/plan.html", form=form, areas=areas, ticked=ticked)


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request: MemberRequest, activity_id: uuid.UUID) -> HttpResponse:
    activity = own(request, queries.owned_activities, activity_id)
    if request.method == "POST":
        form = OwnActivityForm(request.POST)
        if form.is_valid():
            _, event = actions.do_rename(activity, form.cleaned_data["text"])
            after_save(request, event)
            messages.success(request, "Saved.")
            return redirect("selfcare:plan")
    else:
        form = OwnActivityForm(initial={"text": activity.label})
    return _page(request, "selfcare/activity_edit.html", form=form, activity=activity)


@login_required
@require_http_methods(["GET", "POST"])
def activity_delete(request: MemberRequest, activity_id: uuid.UUID) -> HttpResponse:
    activity = own(request, queries.owned_activities, activity_id)
    if request.method == "POST":
        actions.do_remove(activity)
        messages.success(request, "It is off your plan. What you already did stays in your log.")
        return redirect("selfcare:plan")
    return _page(request, "selfcare/activity_delete.html", activity=activity)
