from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from reclaim.toolkit.pages import after_save, own
from reclaim.toolkit.registry import tool

from . import actions, queries
from .forms import BreakForm
from .letters import FIRST, PROMPTS
from .steps import END, FIELDS, STEPS

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

TOOL = tool("compassion")
PER_PAGE = 20


def _page(request: HttpRequest, template: str, **context: object) -> HttpResponse:
    return render(request, f"compassion/{template}", {"nav": "toolkit", "tool": TOOL, **context})


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    return _page(
        request,
        "index.html",
        breaks=queries.recent_breaks(request.user),
        count=queries.break_count(request.user),
        letter=FIRST,
        letters=PROMPTS,
    )


def _step_page(request: HttpRequest, form: BreakForm, number: int) -> HttpResponse:
    """One screen of the break: a step with its box, or the end with the choice to save."""
    step = STEPS[number - 1] if number < END else None
    shown = form[step.field] if step else None
    carried = [form[name] for name in FIELDS if step is None or name != step.field]
    return _page(
        request,
        "step.html",
        form=form,
        number=number,
        step=step,
        total=len(STEPS),
        field=shown,
        carried=carried,
        answers=[(s, form[s.field].value() or "") for s in STEPS] if step is None else [],
    )


@login_required
@require_http_methods(["GET", "POST"])
def take_break(request: MemberRequest) -> HttpResponse:
    """The three screens and the end, carried in the form so nothing is kept until the member saves."""
    if request.method == "GET":
        return _step_page(request, BreakForm(), 1)
    try:
        number = min(max(int(request.POST.get("step", "1")), 1), END)
    except ValueError:
        number = 1
    form = BreakForm(request.POST)
    if not form.is_valid():
        return _step_page(request, form, number)
    go = request.POST.get("go", "next")
    if go == "save":
        _, event = actions.do_save_break(request.user, form.cleaned_data)
        after_save(request, event)
        messages.success(request, "Saved. It is with your earlier breaks below.")
        return redirect("compassion:index")
    number = max(number - 1, 1) if go == "back" else min(number + 1, END)
    return _step_page(request, BreakForm(initial=form.cleaned_data), number)


@login_required
@require_GET
def break_list(request: MemberRequest) -> HttpResponse:
    page = queries.breaks_page(request.user, request.GET.get("page"), PER_PAGE)
    return _page(request, "list.html", page=page)


@login_required
@require_http_methods(["GET", "POST"])
def break_detail(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    # The row is looked up first, so anyone else meets a 404 whatever the method.
    row = own(request, queries.owned_breaks, pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return _page(
        request, "detail.html", row=row, answers=[(s, getattr(row, s.field)) for s in STEPS]
    )


@login_required
@require_http_methods(["GET", "POST"])
def break_delete(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    row = own(request, queries.owned_breaks, pk)
    if request.method == "POST":
        actions.do_delete_break(row)
        messages.success(request, "That break is deleted.")
        return redirect("compassion:index")
    return _page(request, "delete.html", row=row)
