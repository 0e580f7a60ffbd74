"""The member's Sharing pages at /sharing/: connect, choose what is shared, see every look.

Member pages: practitioners and the operator never open them (the role
gate), and a member finds only their own connections (another's is a 404).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reclaim.accounts.queries import with_display_name
from reclaim.journal.queries import own_entry
from reclaim.practice.protection import SCOPE_CLIENT_CODE, over_limit
from reclaim.toolkit import shareable as toolkit

from . import actions, queries, suggestions
from .forms import CODE_REFUSED, CodeForm, ConnectForm, SwitchesForm
from .queries import Part

if TYPE_CHECKING:
    from collections.abc import Callable

    from reclaim.accounts.requests import MemberRequest

    from .models import Connection

TOO_MANY = (
    "That was a lot of tries in a short time, so we paused code checks for a while. "
    "Could you try again in an hour?"
)


def _too_many_tries(request: MemberRequest) -> bool:
    return over_limit(request, SCOPE_CLIENT_CODE, email=f"member-{request.user.pk}")


def _index_page(request: MemberRequest, form: CodeForm, status: int = 200) -> HttpResponse:
    connections = queries.connections_of(request.user)
    shared = queries.what_is_shared(request.user, [c for c in connections if c.is_live])
    return render(
        request,
        "sharing/index.html",
        {
            "form": form,
            "live": [
                (c, queries.practitioner_card(c.practitioner), shared[c.pk])
                for c in connections
                if c.is_live
            ],
            "ended": [
                (c, queries.practitioner_card(c.practitioner)) for c in connections if not c.is_live
            ],
            "suggestions": [
                (made, thing, queries.practitioner_card(where.practitioner))
                for made, thing, where in queries.open_suggestions(request.user)
            ],
            "zone": request.user.zone,
        },
        status=status,
    )


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    # A link from the practitioner (/sharing/?code=K7M-4QX) fills the code in; nothing is checked yet.
    return _index_page(request, CodeForm(initial={"code": request.GET.get("code", "")[:20]}))


@login_required
@require_POST
def check_code(request: MemberRequest) -> HttpResponse:
    """Step two: the code is good; show who the practitioner is and what connecting means."""
    form = CodeForm(request.POST)
    if not form.is_valid():
        return _index_page(request, form, status=400)
    if _too_many_tries(request):
        form.add_error("code", TOO_MANY)
        return _index_page(request, form, status=429)
    invitation = queries.invitation_for(form.cleaned_data["code"])
    if invitation is None:
        form.add_error("code", CODE_REFUSED)
        return _index_page(request, form, status=400)
    name = with_display_name(request.user).display_name or ""
    return render(
        request,
        "sharing/confirm.html",
        {
            "form": ConnectForm(initial={"code": form.cleaned_data["code"], "shown_name": name}),
            "card": queries.practitioner_card(invitation.practitioner),
        },
    )


@login_required
@require_POST
def connect(request: MemberRequest) -> HttpResponse:
    form = ConnectForm(request.POST)
    code_form = CodeForm(initial={"code": request.POST.get("code", "")[:20]})
    if _too_many_tries(request):
        code_form.add_error(None, TOO_MANY)
        return _index_page(request, code_form, status=429)
    invitation = queries.invitation_for(request.POST.get("code", ""))
    if invitation is None:
        code_form = CodeForm(request.POST)
        code_form.is_valid()
        code_form.add_error("code", CODE_REFUSED)
        return _index_page(request, code_form, status=400)
    if not form.is_valid():
        return render(
            request,
            "sharing/confirm.html",
            {"form": form, "card": queries.practitioner_card(invitation.practitioner)},
            status=400,
        )
    try:
        connection = actions.do_connect(
            request.user, form.cleaned_data["code"], form.cleaned_data["shown_name"]
        )
    except actions.CodeRefused:
        code_form = CodeForm(request.POST)
        code_form.is_valid()
        code_form.add_error("code", CODE_REFUSED)
        return _index_page(request, code_form, status=400)
    messages.success(
        request, "You are connected. Nothing is shared yet: you choose what, below, if anything."
    )
    return redirect("sharing:connection", connection.pk)


@login_required
@require_http_methods(["GET", "POST"])
def connection(request: MemberRequest, connection_id: uuid.UUID) -> HttpResponse:
    """What this practitioner can see (the switches), the entries shared, and every look."""
    found = queries.own_connection(request.user, connection_id)
    on = queries.switches(found)
    status = 200
    if request.method == "POST" and found.is_live:
        form = SwitchesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            actions.do_set_switches(
                found,
                results=data["results"],
                answers=data["answers"],
                trends=data["trends"],
                safety_plan=data["safety_plan"],
                risk_alerts=data["risk_alerts"],
            )
            messages.success(request, "Saved. They see exactly this from their next page on.")
            return redirect("sharing:connection", found.pk)
        status = 400
    else:
        form = SwitchesForm(
            initial={
                "results": [key for part, key in on if part == Part.RESULTS],
                "answers": [key for part, key in on if part == Part.ANSWERS],
                "trends": (Part.TRENDS, "") in on,
                "safety_plan": (Part.SAFETY_PLAN, "") in on,
                "risk_alerts": (Part.RISK_ALERTS, "") in on,
            }
        )
    return render(
        request,
        "sharing/connection.html",
        {
            "connection": found,
            "card": queries.practitioner_card(found.practitioner),
            "form": form,
            "entries": queries.shared_entries(request.user, found) if found.is_live else [],
            "tool_entries": (
                queries.shared_tool_entries(request.user, found) if found.is_live else []
            ),
            "tools_that_share": queries.tools_that_share(),
            "looks": queries.looks_of(request.user, found, request.GET.get("page")),
            "alerts": queries.alerts_of(found),
            "zone": request.user.zone,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def disconnect(request: MemberRequest, connection_id: uuid.UUID) -> HttpResponse:
    found = queries.own_connection(request.user, connection_id)
    card = queries.practitioner_card(found.practitioner)
    if request.method == "POST":
        if found.is_live:
            actions.do_disconnect(found)
        messages.success(request, f"Disconnected. {card.name} sees nothing of yours from now on.")
        return redirect("sharing:index")
    return render(request, "sharing/disconnect.html", {"connection": found, "card": card})


def _share_one(
    request: MemberRequest,
    part: str,
    key: str,
    *,
    share: Callable[[Connection, bool], None],
    here: str,
    back: str,
    what: str,
) -> HttpResponse:
    """The page that shares one entry (journal or toolkit) with chosen practitioners, or stops.

    The entry has already been found among the member's own (404 otherwise);
    a connection is taken only from the member's own live ones, so a crafted
    POST can neither share someone else's entry nor share on someone else's
    connection.
    """
    live = queries.live_connections(request.user)
    if request.method == "POST":
        wanted = request.POST.get("connection", "")
        target = next((c for c in live if str(c.pk) == wanted), None)
        if target is not None:
            if request.POST.get("share") == "on":
                share(target, True)
                messages.success(request, "Shared. You can stop sharing it here at any time.")
            else:
                share(target, False)
                messages.success(request, "No longer shared. They cannot open it any more.")
            if request.POST.get("then") == "connection":
                return redirect("sharing:connection", target.pk)
        return redirect(here)
    shared_on = queries.connections_sharing(part, key, live)
    return render(
        request,
        "sharing/entry.html",
        {
            "back": back,
            "what": what,
            "choices": [
                (c, queries.practitioner_card(c.practitioner), c.pk in shared_on) for c in live
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry(request: MemberRequest, entry_id: uuid.UUID) -> HttpResponse:
    """Share one journal entry with a practitioner, or stop sharing it."""
    chosen = own_entry(request.user, entry_id)

    def share(connection: Connection, on: bool) -> None:
        if on:
            actions.do_share_entry(connection, chosen.pk)
        else:
            actions.do_unshare_entry(connection, chosen.pk)

    return _share_one(
        request,
        Part.ENTRY,
        str(chosen.pk),
        share=share,
        here=reverse("sharing:entry", args=[chosen.pk]),
        back=reverse("journal:detail", args=[chosen.pk]),
        what=chosen.display_title,
    )


@login_required
@require_http_methods(["GET", "POST"])
def tool_entry(request: MemberRequest, module: str, entry_id: uuid.UUID) -> HttpResponse:
    """Share one toolkit entry (a boundary, a values sort …) with a practitioner, or stop."""
    chosen = toolkit.own_entry(request.user, module, entry_id)

    def share(connection: Connection, on: bool) -> None:
        if on:
            actions.do_share_tool_entry(connection, chosen.key)
        else:
            actions.do_unshare_tool_entry(connection, chosen.key)

    return _share_one(
        request,
        Part.TOOL_ENTRY,
        chosen.key,
        share=share,
        here=reverse("sharing:tool_entry", args=[module, entry_id]),
        back=chosen.page,
        what=f"{chosen.tool}: {chosen.title}",
    )


@login_required
@require_POST
def answer_suggestion(request: MemberRequest, suggestion_id: uuid.UUID) -> HttpResponse:
    """Take up a practitioner's suggestion (and go to it), or set it aside."""
    answer = request.POST.get("answer", "")
    made = actions.do_answer_suggestion(request.user, suggestion_id, answer)
    if made is None:
        raise Http404
    thing = suggestions.find(made.kind, made.key)
    if answer == "opened" and thing is not None:
        return redirect(thing.url)
    messages.success(request, "Set aside. There is nothing more you need to do.")
    return redirect("sharing:index")
