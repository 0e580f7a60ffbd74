from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from reclaim.toolkit.pages import after_save, own
from reclaim.toolkit.registry import tool
from reclaim.toolkit.writing import today_for
from reclaim.vault.crypto import key_cache

from . import actions, queries
from .feedback import RULES, all_clear, check
from .forms import PracticeForm, RealNoForm
from .scenarios import SCENARIOS, get_scenario, title_of

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

TOOL = tool("saying-no")
PER_PAGE = 20


def _page(request: HttpRequest, template: str, **context: object) -> HttpResponse:
    return render(request, f"sayno/{template}", {"nav": "toolkit", "tool": TOOL, **context})


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    with key_cache():
        practice = [(row, title_of(row.scenario)) for row in queries.recent_practice(request.user)]
        real = queries.recent_real_nos(request.user)
        return _page(
            request,
            "index.html",
            scenarios=SCENARIOS,
            practice=practice,
            real=real,
            counts=queries.counts(request.user),
        )


@login_required
@require_GET
def how_it_works(request: MemberRequest) -> HttpResponse:
    return _page(request, "how.html", rules=RULES)


@login_required
@require_http_methods(["GET", "POST"])
def practise(request: MemberRequest, code: str) -> HttpResponse:
    scenario = get_scenario(code)
    if scenario is None:
        raise Http404
    own_moment = scenario.code == "own"
    findings = None
    if request.method == "POST":
        form = PracticeForm(request.POST, own=own_moment)
        if form.is_valid():
            draft = form.cleaned_data["draft"]
            if request.POST.get("action") == "save":
                if draft:
                    practice, event = actions.do_save_practice(
                        request.user, scenario.code, draft, form.cleaned_data.get("moment", "")
                    )
                    after_save(request, event)
                    messages.success(request, "Saved with your practice.")
                    return redirect("sayno:practice_detail", pk=practice.pk)
                form.add_error(
                    "draft", "There is nothing to save yet. Even one word is a start: “No.”"
                )
            else:
                findings = check(draft)
    else:
        form = PracticeForm(own=own_moment)
    return _page(
        request,
        "practise.html",
        scenario=scenario,
        form=form,
        findings=findings,
        clear=findings is not None and all_clear(findings),
    )


@login_required
@require_GET
def practice_list(request: MemberRequest) -> HttpResponse:
    page = queries.practice_page(request.user, request.GET.get("page"), PER_PAGE)
    with key_cache():
        rows = [(row, title_of(row.scenario)) for row in page]
        return _page(request, "practice_list.html", page=page, rows=rows)


@login_required
@require_http_methods(["GET", "POST"])
def practice_detail(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    # The row is looked up first, so anyone else meets a 404 whatever the method.
    practice = own(request, queries.owned_practice, pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    with key_cache():
        findings = check(practice.draft)
        return _page(
            request,
            "practice_detail.html",
            practice=practice,
            scenario=get_scenario(practice.scenario),
            title=title_of(practice.scenario),
            findings=findings,
            clear=all_clear(findings),
        )


@login_required
@require_http_methods(["GET", "POST"])
def practice_delete(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    practice = own(request, queries.owned_practice, pk)
    if request.method == "POST":
        actions.do_delete_practice(practice)
        messages.success(request, "That practice is deleted.")
        return redirect("sayno:practice_list")
    return _page(
        request, "practice_delete.html", practice=practice, title=title_of(practice.scenario)
    )


@login_required
@require_GET
def real_list(request: MemberRequest) -> HttpResponse:
    page = queries.real_nos_page(request.user, request.GET.get("page"), PER_PAGE)
    with key_cache():
        rows = list(page)
        return _page(request, "real_list.html", page=page, rows=rows)


@login_required
@require_http_methods(["GET", "POST"])
def real_new(request: MemberRequest) -> HttpResponse:
    today = today_for(request.user)
    if request.method == "POST":
        form = RealNoForm(request.POST, today=today)
        if form.is_valid():
            _, event = actions.do_log_real(request.user, form.cleaned_data)
            after_save(request, event)
            messages.success(request, "Saved in your log. Well done for saying it.")
            return redirect("sayno:real_list")
    else:
        form = RealNoForm(initial={"day": today}, today=today)
    return _page(request, "real_form.html", form=form, real=None)


@login_required
@require_http_methods(["GET", "POST"])
def real_edit(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    real = own(request, queries.owned_real_nos, pk)
    today = today_for(request.user)
    if request.method == "POST":
        form = RealNoForm(request.POST, today=today)
        if form.is_valid():
            _, event = actions.do_update_real(real, form.cleaned_data)
            after_save(request, event)
            messages.success(request, "Saved.")
            return redirect("sayno:real_list")
    else:
        with key_cache():
            felt = real.felt
            form = RealNoForm(
                initial={
                    "day": real.day,
                    "who": real.who,
                    "said": real.said,
                    "went": real.went,
                    "felt": "" if felt is None else str(felt),
                },
                today=today,
            )
    return _page(request, "real_form.html", form=form, real=real)


@login_required
@require_http_methods(["GET", "POST"])
def real_delete(request: MemberRequest, pk: uuid.UUID) -> HttpResponse:
    real = own(request, queries.owned_real_nos, pk)
    if request.method == "POST":
        actions.do_delete_real(real)
        messages.success(request, "That entry is deleted.")
        return redirect("sayno:real_list")
    with key_cache():
        return _page(request, "real_delete.html", real=real)
