from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from reclaim.toolkit.pages import after_save, own
from reclaim.toolkit.registry import tool
from reclaim.toolkit.writing import today_for

from . import actions, queries
from .forms import EvidenceForm, item_form
from .models import ACCOMPLISHMENT, STRENGTH
from .prompts import get_prompt, prompts_for

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

TOOL = tool("worth")
PER_PAGE = 30

# The URL segment of each list, and the kind it holds.
_KIND_OF = {"strengths": STRENGTH, "accomplishments": ACCOMPLISHMENT}
_SEGMENT_OF = {kind: segment for segment, kind in _KIND_OF.items()}
_NOUN = {STRENGTH: "strength", ACCOMPLISHMENT: "accomplishment"}


def _page(request: HttpRequest, template: str, **context: object) -> HttpResponse:
    return render(request, template, {"nav": "toolkit", "tool": TOOL, **context})


def _kind(segment: str) -> str:
    try:
        return _KIND_OF[segment]
    except KeyError:
        raise Http404 from None


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: redirect() would read a bare word such as
    # "0" as a URL name and fail with a server error.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    user = request.user
    today = today_for(user)
    stock = queries.inventory(user)
    return _page(
        request,
        "worth/index.html",
        inventory=stock,
        evidence=queries.recent_evidence(user),
        evidence_count=queries.evidence_count(user),
        reminder=queries.reminder(user, today),
        strength_prompts=prompts_for(STRENGTH),
        accomplishment_prompts=prompts_for(ACCOMPLISHMENT),
        shown=queries.SHOWN,
    )


@login_required
@require_GET
def item_list(request: MemberRequest, segment: str) -> HttpResponse:
    kind = _kind(segment)
    page = queries.items_page(request.user, kind, request.GET.get("page"), PER_PAGE)
    return _page(request, "worth/item_list.html", kind=kind, segment=segment, page=page)


@login_required
@require_http_methods(["GET", "POST"])
def item_new(request: MemberRequest, segment: str) -> HttpResponse:
    kind = _kind(segment)
    form_class = item_form(kind)
    prompt = get_prompt(request.POST.get("prompt") or request.GET.get("prompt"), kind)
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            _, event = actions.do_add_item(
                request.user, kind, form.cleaned_data["text"], form.cleaned_data["note"]
            )
            after_save(request, event)
            messages.success(request, f"Your {_NOUN[kind]} is kept.")
            return redirect(reverse("worth:index") + f"#{segment}")
    else:
        form = form_class()
    return _page(
        request,
        "worth/item_form.html",
        form=form,
        kind=kind,
        segment=segment,
        item=None,
        prompt=prompt,
        prompts=prompts_for(kind),
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: MemberRequest, item_id: uuid.UUID) -> HttpResponse:
    item = own(request, queries.owned_items, item_id)
    form_class = item_form(item.kind)
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            _, event = actions.do_update_item(
                item, form.cleaned_data["text"], form.cleaned_data["note"]
            )
            after_save(request, event)
            messages.success(request, "Saved.")
            return redirect(reverse("worth:index") + f"#{_SEGMENT_OF[item.kind]}")
    else:
        form = form_class(initial={"text": item.text, "note": item.note})
    return _page(
        request,
        "worth/item_form.html",
        form=form,
        kind=item.kind,
        segment=_SEGMENT_OF[item.kind],
        item=item,
        prompt=None,
        prompts=[],
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_delete(request: MemberRequest, item_id: uuid.UUID) -> HttpResponse:
    item = own(request, queries.owned_items, item_id)
    segment = _SEGMENT_OF[item.kind]
    if request.method == "POST":
        actions.do_delete_item(item)
        messages.success(request, "It is deleted.")
        return redirect(reverse("worth:index") + f"#{segment}")
    return _page(request, "worth/item_delete.html", item=item, segment=segment)


@login_required
@require_GET
def evidence_list(request: MemberRequest) -> HttpResponse:
    page = queries.evidence_page(request.user, request.GET.get("page"), PER_PAGE)
    return _page(request, "worth/evidence_list.html", page=page)


@login_required
@require_http_methods(["GET", "POST"])
def evidence_new(request: MemberRequest) -> HttpResponse:
    """Add one line of evidence; `next` brings the member back where they were."""
    today = today_for(request.user)
    back = _safe_next(request, reverse("worth:index") + "#evidence")
    if request.method == "POST":
        form = EvidenceForm(request.POST, today=today)
        if form.is_valid():
            _, event = actions.do_add_evidence(
                request.user, form.cleaned_data["text"], form.cleaned_data["day"]
            )
            after_save(request, event)
            messages.success(request, "Added to your evidence.")
            return redirect(back)
    else:
        form = EvidenceForm(today=today)
    return _page(request, "worth/evidence_form.html", form=form, evidence=None, next=back)


@login_required
@require_http_methods(["GET", "POST"])
def evidence_edit(request: MemberRequest, evidence_id: uuid.UUID) -> HttpResponse:
    evidence = own(request, queries.owned_evidence, evidence_id)
    today = today_for(request.user)
    back = reverse("worth:index") + "#evidence"
    if request.method == "POST":
        form = EvidenceForm(request.POST, today=today)
        if form.is_valid():
            _, event = actions.do_update_evidence(
                evidence, form.cleaned_data["text"], form.cleaned_data["day"]
            )
            after_save(request, event)
            messages.success(request, "Saved.")
            return redirect(back)
    else:
        form = EvidenceForm(today=today, initial={"text": evidence.text, "day": evidence.day})
    return _page(request, "worth/evidence_form.html", form=form, evidence=evidence, next="")


@login_required
@require_http_methods(["GET", "POST"])
def evidence_delete(request: MemberRequest, evidence_id: uuid.UUID) -> HttpResponse:
    evidence = own(request, queries.owned_evidence, evidence_id)
    if request.method == "POST":
        actions.do_delete_evidence(evidence)
        messages.success(request, "It is deleted.")
        return redirect(reverse("worth:index") + "#evidence")
    return _page(request, "worth/evidence_delete.html", evidence=evidence)
