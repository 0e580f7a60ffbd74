"""The trust tool's pages: thin views over queries.py and actions.py."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reclaim.toolkit.pages import after_save, own
from reclaim.toolkit.registry import tool
from reclaim.toolkit.writing import today_for

from . import actions, queries
from .forms import AgreementForm, ObservationForm

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

    from .models import Observation

TOOL = tool("trust")


def _page(request: HttpRequest, template: str, **context: object) -> HttpResponse:
    return render(request, template, {"nav": "toolkit", "tool": TOOL, **context})


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    days = queries.PERIODS.chosen(request.GET.get("days"))
    today = today_for(request.user)
    return _page(
        request,
        "trust/index.html",
        page=queries.trust_page(request.user, today, days),
        periods=queries.PERIODS.buttons,
        # Only its trust field is shown: "how much right now", in one tap and a save.
        quick=ObservationForm(agreements=[], today=today, auto_id="quick_%s"),
    )


# --- agreements ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def agreement_new(request: MemberRequest) -> HttpResponse:
    today = today_for(request.user)
    form = AgreementForm(request.POST or None, today=today)
    if request.method == "POST" and form.is_valid():
        agreement, event = actions.do_add_agreement(
            request.user, form.cleaned_data["text"], form.cleaned_data["since"]
        )
        after_save(request, event)
        messages.success(request, "Saved.")
        return redirect("trust:agreement", agreement_id=agreement.pk)
    return _page(request, "trust/agreement_form.html", form=form, agreement=None)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_detail(request: MemberRequest, agreement_id: uuid.UUID) -> HttpResponse:
    # The row is found first, so another member meets a 404 whatever the
    # method; only its owner learns that this page is for reading.
    agreement = own(request, queries.owned_agreements, agreement_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    page = queries.agreement_page(agreement, today_for(request.user))
    return _page(request, "trust/agreement_detail.html", page=page, agreement=agreement)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: MemberRequest, agreement_id: uuid.UUID) -> HttpResponse:
    agreement = own(request, queries.owned_agreements, agreement_id)
    today = today_for(request.user)
    if request.method == "POST":
        form = AgreementForm(request.POST, today=today)
        if form.is_valid():
            _, event = actions.do_change_agreement(
                agreement, form.cleaned_data["text"], form.cleaned_data["since"]
            )
            after_save(request, event)
            messages.success(request, "Saved.")
            return redirect("trust:agreement", agreement_id=agreement.pk)
    else:
        form = AgreementForm(
            initial={"text": agreement.text, "since": agreement.since_date}, today=today
        )
    return _page(request, "trust/agreement_form.html", form=form, agreement=agreement)


@login_required
@require_POST
def agreement_retire(request: MemberRequest, agreement_id: uuid.UUID) -> HttpResponse:
    agreement = own(request, queries.owned_agreements, agreement_id)
    retire = request.POST.get("retire", "yes") != "no"
    actions.do_retire_agreement(agreement, retire)
    messages.success(
        request,
        "Retired. It keeps its notes, and you can bring it back."
        if retire
        else "It is active again.",
    )
    return redirect("trust:agreement", agreement_id=agreement.pk)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_delete(request: MemberRequest, agreement_id: uuid.UUID) -> HttpResponse:
    agreement = own(request, queries.owned_agreements, agreement_id)
    if request.method == "POST":
        actions.do_delete_agreement(agreement)
        messages.success(request, "The agreement is deleted.")
        return redirect("trust:index")
    return _page(
        request,
        "trust/agreement_delete.html",
        agreement=agreement,
        count=queries.observation_count(agreement),
    )


# --- observations --------------------------------------------------------------


def _observation_form_page(
    request: HttpRequest, form: ObservationForm, observation: Observation | None
) -> HttpResponse:
    return _page(
        request,
        "trust/observation_form.html",
        form=form,
        observation=observation,
        has_agreements=form.has_agreements,
    )


@login_required
@require_http_methods(["GET", "POST"])
def observation_new(request: MemberRequest) -> HttpResponse:
    today = today_for(request.user)
    agreements = queries.active_agreements(request.user)
    if request.method == "POST":
        form = ObservationForm(request.POST, agreements=agreements, today=today)
        if form.is_valid():
            observation, event = actions.do_add_observation(request.user, form.observation_data())
            after_save(request, event)
            messages.success(request, "Saved.")
            if observation.agreement_id is not None:
                return redirect("trust:agreement", agreement_id=observation.agreement_id)
            return redirect("trust:index")
    else:
        chosen = request.GET.get("agreement", "")
        known = {str(a.pk) for a in agreements}
        form = ObservationForm(
            initial={"day": today, "agreement": chosen if chosen in known else ""},
            agreements=agreements,
            today=today,
        )
    return _observation_form_page(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def observation_edit(request: MemberRequest, observation_id: uuid.UUID) -> HttpResponse:
    observation = own(request, queries.owned_observations, observation_id)
    today = today_for(request.user)
    agreements = queries.active_agreements(request.user, keep=observation.agreement)
    if request.method == "POST":
        form = ObservationForm(request.POST, agreements=agreements, today=today)
        if form.is_valid():
            _, event = actions.do_change_observation(observation, form.observation_data())
            after_save(request, event)
            messages.success(request, "Saved.")
            return redirect("trust:index")
    else:
        form = ObservationForm(
            initial={
                "agreement": str(observation.agreement_id or ""),
                "outcome": observation.outcome or "",
                "trust": "" if observation.trust is None else str(observation.trust),
                "note": observation.note,
                "day": observation.day,
            },
            agreements=agreements,
            today=today,
        )
    return _observation_form_page(request, form, observation)


@login_required
@require_http_methods(["GET", "POST"])
def observation_delete(request: MemberRequest, observation_id: uuid.UUID) -> HttpResponse:
    observation = own(request, queries.owned_observations, observation_id)
    if request.method == "POST":
        actions.do_delete_observation(observation)
        messages.success(request, "The note is deleted.")
        return redirect("trust:index")
    return _page(request, "trust/observation_delete.html", observation=observation)
