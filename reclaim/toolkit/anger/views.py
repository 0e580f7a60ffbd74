from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from reclaim.toolkit.pages import after_save, own
from reclaim.toolkit.registry import tool
from reclaim.toolkit.writing import today_for

from . import actions, queries
from .forms import EntryForm

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

    from .models import Entry

TOOL = tool("anger")
PER_PAGE = 20


def _context(**extra: object) -> dict[str, object]:
    return {"nav": "toolkit", "tool": TOOL, **extra}


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    page = queries.entries_page(request.user, request.GET.get("page"), PER_PAGE)
    return render(
        request,
        "anger/index.html",
        _context(page=page, summary=queries.summary(request.user, today_for(request.user))),
    )


def _initial(entry: Entry) -> dict[str, object]:
    return {
        "intensity": entry.intensity,
        "places": entry.places,
        "own_place": entry.own_place,
        "trigger": entry.trigger,
        "urge": entry.urge,
        "action": entry.action,
    }


@login_required
@require_http_methods(["GET", "POST"])
def new(request: MemberRequest) -> HttpResponse:
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            entry, event = actions.do_log(request.user, form.entry_data())
            after_save(request, event)
            messages.success(request, "Saved.")
            return redirect("anger:saved", pk=entry.pk)
    else:
        form = EntryForm()
    return render(request, "anger/form.html", _context(form=form, entry=None))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    entry = own(request, queries.owned_entries, pk)
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            entry, event = actions.do_update(entry, form.entry_data())
            after_save(request, event)
            messages.success(request, "Saved.")
            return redirect("anger:saved", pk=entry.pk)
    else:
        form = EntryForm(initial=_initial(entry))
    return render(request, "anger/form.html", _context(form=form, entry=entry))


@login_required
@require_GET
def saved(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    """One moment: just after saving it, or opened again from the log to read or share."""
    entry = own(request, queries.owned_entries, pk)
    # The cool-down tools come first only on the day itself; a moment from
    # last month, opened again, is read calmly.
    today = entry.day == today_for(request.user)
    return render(request, "anger/saved.html", _context(entry=entry, today=today))


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    entry = own(request, queries.owned_entries, pk)
    if request.method == "POST":
        actions.do_delete(entry)
        messages.success(request, "Deleted.")
        return redirect("anger:index")
    return render(request, "anger/delete.html", _context(entry=entry))


@login_required
@require_GET
def why(request: MemberRequest) -> HttpResponse:
    return render(request, "anger/why.html", _context())


@login_required
@require_GET
def cool_down(request: MemberRequest) -> HttpResponse:
    return render(request, "anger/cool_down.html", _context())
