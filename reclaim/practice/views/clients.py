"""Clients at /practice/clients/: invitation codes, the client list and each client's page.

Everything of a client's is read through `reclaim.sharing.shared`, which
checks the client's current switches on every request and notes each look
for the client to see. A client who is not connected to this practitioner
is a 404, like a page that does not exist.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from reclaim.sharing import actions as sharing_actions
from reclaim.sharing import shared

from ..access import practitioner_required
from ..forms_clients import AlertsSeenForm, PrivateNoteForm, SuggestForm

if TYPE_CHECKING:
    # The access check lets only a signed-in practitioner through.
    from reclaim.accounts.requests import MemberRequest as SignedInRequest


@practitioner_required
@require_http_methods(["GET", "POST"])
def client_list(request: SignedInRequest) -> HttpResponse:
    new = None
    if request.method == "POST":
        made = sharing_actions.do_invite_client(request.user)
        new = {
            "code": made.code,
            "link": request.build_absolute_uri(reverse("sharing:index") + f"?code={made.code}"),
            "expires": made.invitation.expires,
        }
    return render(
        request,
        "practice/area/clients.html",
        {
            "area_nav": "clients",
            "clients": shared.clients_of(request.user),
            "open_invitations": shared.open_invitations(request.user),
            "clinical_rule": shared.CLINICAL_CHANGE_RULE,
            "new": new,
            "zone": request.user.zone,
        },
    )


@practitioner_required
@require_http_methods(["GET", "POST"])
def client_detail(request: SignedInRequest, client_id: uuid.UUID) -> HttpResponse:
    """What the client shares, as of now, and the practitioner's own private notes.

    A POST keeps a new note; one that cannot be kept comes back with its words.
    """
    note_form = PrivateNoteForm(request.POST or None)
    if request.method == "POST":
        connection = shared.client(request.user, client_id)
        if note_form.is_valid():
            text = note_form.cleaned_data["text"]
            sharing_actions.do_add_private_note(request.user, connection, text)
            messages.success(request, "Your note is kept. Only you can read it.")
            return redirect("practice:client", client_id=client_id)
    return _client_page(request, client_id, note_form=note_form)


def _client_page(
    request: SignedInRequest,
    client_id: uuid.UUID,
    *,
    note_form: PrivateNoteForm | None = None,
    suggest_form: SuggestForm | None = None,
) -> HttpResponse:
    """The client's page, with a form that came back (and kept its words) when there is one."""
    page = shared.client_page(request.user, client_id)
    return render(
        request,
        "practice/area/client.html",
        {
            "area_nav": "clients",
            "page": page,
            "notes": shared.private_notes(request.user, page.connection),
            "note_form": note_form or PrivateNoteForm(),
            "suggest_form": suggest_form or SuggestForm(),
            "suggestions": shared.suggestions_made(page.connection),
            "alert_days": shared.ALERT_DAYS,
            "clinical_rule": shared.CLINICAL_CHANGE_RULE,
            "zone": request.user.zone,
        },
    )


@practitioner_required
@require_http_methods(["GET"])
def client_pdf(request: SignedInRequest, client_id: uuid.UUID) -> HttpResponse:
    """What the client shares, as of now, as a PDF for preparing a session.

    Read through `shared.client_page` like the page itself, so each part is
    checked now and each look noted for the client to see. Made in memory;
    the browser is told to keep no copy, and the file name says nothing of
    who it is about.
    """
    page = shared.client_page(request.user, client_id, copy=True)
    html = render_to_string(
        "practice/area/client_pdf.html",
        {
            "page": page,
            "clinical_rule": shared.CLINICAL_CHANGE_RULE,
            "made": timezone.now(),
            "zone": request.user.zone,
        },
    )
    response = HttpResponse(shared.as_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{shared.pdf_filename(request.user)}"'
    response["Cache-Control"] = "no-store, max-age=0"
    return response


@practitioner_required
@require_http_methods(["POST"])
def client_note_delete(
    request: SignedInRequest, client_id: uuid.UUID, note_id: uuid.UUID
) -> HttpResponse:
    """Delete one of the practitioner's own notes about this client."""
    connection = shared.client(request.user, client_id)
    if not sharing_actions.do_delete_private_note(request.user, connection, note_id):
        raise Http404
    messages.success(request, "The note is deleted.")
    return redirect("practice:client", client_id=client_id)


@practitioner_required
@require_http_methods(["POST"])
def client_suggest(request: SignedInRequest, client_id: uuid.UUID) -> HttpResponse:
    """Suggest a questionnaire, a lesson or a tool to this client."""
    connection = shared.client(request.user, client_id)
    form = SuggestForm(request.POST)
    if not form.is_valid():
        return _client_page(request, client_id, suggest_form=form)
    sharing_actions.do_suggest(request.user, connection, *form.kind_and_key())
    messages.success(request, "Suggested. They will see it on their Sharing page.")
    return redirect("practice:client", client_id=client_id)


@practitioner_required
@require_http_methods(["POST"])
def client_alerts_seen(request: SignedInRequest, client_id: uuid.UUID) -> HttpResponse:
    """Mark this client's risk alerts seen, up to the newest the page showed."""
    connection = shared.client(request.user, client_id)
    form = AlertsSeenForm(request.POST)
    if form.is_valid():
        marked = sharing_actions.do_mark_alerts_seen(
            request.user, connection, form.cleaned_data["until"]
        )
        if marked:
            messages.success(
                request, "Marked as seen. Your client sees on their Sharing page that you have."
            )
    return redirect("practice:client", client_id=client_id)
