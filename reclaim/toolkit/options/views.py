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

from . import actions, queries
from .forms import SnapshotForm, initial_from
from .models import PATHS

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

TOOL = tool("options")


def _context(**extra: object) -> dict[str, object]:
    return {"nav": "toolkit", "tool": TOOL, "paths": PATHS, **extra}


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    snapshots = queries.history(request.user)
    return render(
        request,
        "options/index.html",
        _context(
            latest=snapshots[0] if snapshots else None,
            changes=queries.changes(snapshots),
            chart=queries.drawn_chart(snapshots),
            compact=queries.drawn_chart(snapshots, width=340, height=240),
            total=queries.count(request.user) if snapshots else 0,
            shown=len(snapshots),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request: MemberRequest) -> HttpResponse:
    previous = queries.latest(request.user)
    if request.method == "POST":
        form = SnapshotForm(request.POST)
        if form.is_valid():
            _, event = actions.do_save_snapshot(request.user, form.view_data())
            after_save(request, event)
            messages.success(request, "Saved, with today's date.")
            return redirect("options:index")
    else:
        form = SnapshotForm(initial=initial_from(previous))
    return render(
        request,
        "options/form.html",
        _context(form=form, previous=previous, values=queries.top_values(request.user)),
    )


@login_required
@require_GET
def detail(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    return render(
        request, "options/detail.html", _context(snapshot=own(request, queries.owned_snapshots, pk))
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    snapshot = own(request, queries.owned_snapshots, pk)
    if request.method == "POST":
        actions.do_delete_snapshot(snapshot)
        messages.success(request, "Deleted.")
        return redirect("options:index")
    return render(request, "options/delete.html", _context(snapshot=snapshot))
