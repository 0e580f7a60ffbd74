from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from reclaim.core.links import link_maker
from reclaim.core.numbers import clock, full_day
from reclaim.journal.prompts import get_prompt
from reclaim.safety.response import mark_pending

from . import actions, queries
from .forms import CheckInForm

if TYPE_CHECKING:
    from .models import CheckIn
from .suggestions import suggest_next_step

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

PER_PAGE = 30


def _numbers(checkin: CheckIn) -> str:
    """The five numbers on one line: each scale's short name and number, or "not rated".

    Written here once, not looped over in the template: the history shows it
    for every check-in on the page.
    """
    return " · ".join(f"{scale.short} {text}" for scale, text in checkin.scale_texts())


@dataclass(frozen=True)
class HistoryRow:
    """One check-in as the history lists it, every word ready to print."""

    url: str
    day: str
    at: str
    numbers: str
    triggers: list[str]
    has_note: bool


def _history_row(checkin: CheckIn, zone: tzinfo, link: Callable[[object], str]) -> HistoryRow:
    # Written out here rather than by filters and lookups in the template:
    # the history repeats it for every check-in on the page.
    return HistoryRow(
        url=link(checkin.pk),
        day=full_day(checkin.day),
        at=clock(timezone.localtime(checkin.created, zone)),
        numbers=_numbers(checkin),
        triggers=checkin.triggers or [],
        has_note=queries.has_note(checkin),
    )


def _render(request: MemberRequest, template: str, context: dict) -> HttpResponse:
    # Times on these pages are the member's own: the template filters show
    # aware datetimes in the active zone, so it is the member's while rendering.
    with timezone.override(request.user.zone):
        return render(request, template, {"nav": "checkin", **context})


def _own_checkin(request: MemberRequest, pk: UUID) -> CheckIn:
    # Another member's id answers exactly as an id that does not exist.
    return queries.own_checkin(request.user, pk)


@login_required
@require_http_methods(["GET", "POST"])
def new(request: MemberRequest) -> HttpResponse:
    user = request.user
    own = queries.own_trigger_names(user)
    form = CheckInForm(request.POST if request.method == "POST" else None, own_triggers=own)
    if form.is_valid():
        checkin = actions.do_create_checkin(user, form.checkin_data(), own_triggers=own)
        if checkin.risk_event is not None:
            mark_pending(request, checkin.risk_event)
        return redirect("checkins:saved", pk=checkin.pk)
    latest = queries.latest_today(user)
    return _render(
        request,
        "checkins/new.html",
        {
            "form": form,
            "latest_time": latest.created if latest else None,
        },
    )


@login_required
@require_GET
def saved(request: MemberRequest, pk: UUID) -> HttpResponse:
    checkin = _own_checkin(request, pk)
    suggestion = suggest_next_step(checkin)
    return _render(
        request,
        "checkins/saved.html",
        {
            "checkin": checkin,
            "numbers": _numbers(checkin),
            "suggestion": suggestion,
            "prompt": get_prompt(suggestion.prompt_code),
        },
    )


@login_required
@require_GET
def history(request: MemberRequest) -> HttpResponse:
    user = request.user
    page = queries.history_page(user, request.GET.get("page"), PER_PAGE)
    link = link_maker("checkins:edit")
    rows = [_history_row(checkin, user.zone, link) for checkin in page]
    return _render(
        request,
        "checkins/history.html",
        {"page": page, "rows": rows},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: MemberRequest, pk: UUID) -> HttpResponse:
    checkin = _own_checkin(request, pk)
    own = queries.own_trigger_names(request.user)
    form = CheckInForm.for_checkin(
        checkin, request.POST if request.method == "POST" else None, own_triggers=own
    )
    if form.is_valid():
        actions.do_update_checkin(checkin, form.checkin_data(), own_triggers=own)
        if checkin.risk_event is not None:
            mark_pending(request, checkin.risk_event)
        messages.success(request, "Your changes are saved.")
        return redirect("checkins:history")
    return _render(
        request,
        "checkins/edit.html",
        {
            "form": form,
            "checkin": checkin,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def own_triggers(request: MemberRequest) -> HttpResponse:
    """The member's own triggers, each of which they can stop being offered."""
    names = queries.own_trigger_names(request.user)
    if request.method == "POST":
        name = request.POST.get("name", "")
        # Only a name from the member's own list can be removed; anything
        # else is treated as already gone.
        if name in names:
            actions.do_forget_own_trigger(request.user, name)
            messages.success(request, "Removed. It won't be offered again.")
        return redirect("checkins:triggers")
    return _render(request, "checkins/triggers.html", {"names": names})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: MemberRequest, pk: UUID) -> HttpResponse:
    checkin = _own_checkin(request, pk)
    if request.method == "POST":
        actions.do_delete_checkin(checkin)
        messages.success(request, "That check-in is deleted.")
        return redirect("checkins:history")
    return _render(
        request,
        "checkins/delete.html",
        {
            "checkin": checkin,
        },
    )
