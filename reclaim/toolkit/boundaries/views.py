from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from reclaim.toolkit.pages import after_save, own
from reclaim.toolkit.registry import tool
from reclaim.toolkit.writing import today_for
from reclaim.vault.crypto import key_cache

from . import actions, queries
from .forms import BoundaryForm, OccasionForm
from .held import summary
from .script import compose

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

    from .models import Boundary, Occasion

TOOL = tool("boundaries")


def _page(request: HttpRequest, template: str, **context: Any) -> HttpResponse:
    # Sealed words open as the template reads them: one key unwrap for the page.
    with key_cache():
        return render(request, template, {"nav": "toolkit", "tool": TOOL, **context})


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    listed = queries.boundaries_of(request.user)
    values, sorted_values = queries.value_choices(request.user)
    return _page(
        request,
        "boundaries/index.html",
        listed=listed,
        overall=queries.held_overall(listed),
        values=values,
        sorted_values=sorted_values,
    )


def _builder(request: MemberRequest, boundary: Boundary | None = None) -> HttpResponse:
    values, sorted_values = queries.value_choices(request.user)
    if boundary is not None and boundary.value and boundary.value not in {c for c, _, _ in values}:
        # A value chosen before the member sorted again stays choosable here.
        values = [*values, (boundary.value, queries.value_name(boundary.value), "")]
    composed = False
    if request.method == "POST":
        form = BoundaryForm(request.POST, values=values)
        if form.is_valid() and request.POST.get("go") != "compose":
            if boundary is None:
                boundary, event = actions.do_create_boundary(request.user, form.cleaned_data)
            else:
                boundary, event = actions.do_update_boundary(boundary, form.cleaned_data)
            after_save(request, event)
            messages.success(request, "Saved.")
            return redirect("boundaries:detail", boundary_id=boundary.pk)
        if form.is_valid():
            data = request.POST.copy()
            data["script"] = compose(
                form.cleaned_data["behaviour"],
                queries.value_name(form.cleaned_data["value"]),
                form.cleaned_data["need"],
                form.cleaned_data["action"],
            )
            form = BoundaryForm(data, values=values)
            form.is_valid()
            composed = True
    elif boundary is not None:
        form = BoundaryForm(
            initial={**(boundary.parts or {}), "script": boundary.script}, values=values
        )
    else:
        form = BoundaryForm(values=values)
    return _page(
        request,
        "boundaries/form.html",
        form=form,
        boundary=boundary,
        composed=composed,
        sorted_values=sorted_values,
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request: MemberRequest) -> HttpResponse:
    return _builder(request)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: MemberRequest, boundary_id: uuid.UUID) -> HttpResponse:
    return _builder(request, own(request, queries.owned_boundaries, boundary_id))


@login_required
@require_http_methods(["GET", "POST"])
def detail(request: MemberRequest, boundary_id: uuid.UUID) -> HttpResponse:
    # The row is looked up before the method is checked, so a post to
    # someone else's boundary meets the same 404 as a look at it.
    boundary = own(request, queries.owned_boundaries, boundary_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    log, logged = queries.log_of(boundary)
    return _page(
        request,
        "boundaries/detail.html",
        boundary=boundary,
        value_name=queries.value_name(boundary.value),
        held=summary(boundary.tally),
        log=log,
        older=max(logged - len(log), 0),
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: MemberRequest, boundary_id: uuid.UUID) -> HttpResponse:
    boundary = own(request, queries.owned_boundaries, boundary_id)
    if request.method == "POST":
        actions.do_delete_boundary(boundary)
        messages.success(request, "The boundary is deleted, with its log.")
        return redirect("boundaries:index")
    return _page(request, "boundaries/delete.html", boundary=boundary)


def _log_form(
    request: MemberRequest, boundary: Boundary, occasion: Occasion | None
) -> HttpResponse:
    today = today_for(request.user)
    if request.method == "POST":
        form = OccasionForm(request.POST, today=today)
        if form.is_valid():
            if occasion is None:
                _, event = actions.do_log_occasion(boundary, form.cleaned_data)
            else:
                _, event = actions.do_update_occasion(occasion, form.cleaned_data)
            after_save(request, event)
            messages.success(request, "Noted. Thank you for keeping track.")
            return redirect("boundaries:detail", boundary_id=boundary.pk)
    elif occasion is not None:
        with key_cache():
            form = OccasionForm(initial={"day": occasion.day, **occasion.record}, today=today)
    else:
        form = OccasionForm(initial={"day": today}, today=today)
    return _page(
        request, "boundaries/log_form.html", form=form, boundary=boundary, occasion=occasion
    )


@login_required
@require_http_methods(["GET", "POST"])
def log_new(request: MemberRequest, boundary_id: uuid.UUID) -> HttpResponse:
    return _log_form(request, own(request, queries.owned_boundaries, boundary_id), None)


@login_required
@require_http_methods(["GET", "POST"])
def log_edit(request: MemberRequest, occasion_id: uuid.UUID) -> HttpResponse:
    occasion = own(request, queries.owned_occasions, occasion_id)
    return _log_form(request, queries.boundary_of(occasion), occasion)


@login_required
@require_http_methods(["GET", "POST"])
def log_delete(request: MemberRequest, occasion_id: uuid.UUID) -> HttpResponse:
    occasion = own(request, queries.owned_occasions, occasion_id)
    boundary = queries.boundary_of(occasion)
    if request.method == "POST":
        actions.do_delete_occasion(occasion)
        messages.success(request, "That note is deleted.")
        return redirect("boundaries:detail", boundary_id=boundary.pk)
    return _page(request, "boundaries/log_delete.html", occasion=occasion, boundary=boundary)
