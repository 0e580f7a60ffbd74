"""Clients at /practice/clients/: invitation codes, the client list and each client's page.

Everything of a client's is read through `reclaim.sharing.shared`, which
checks the client's current switches on every request and notes each look
for the client to see. A client who is not connected to this practitioner
is a 404, like a page that does not exist.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from reclaim.sharing import actions as sharing_actions
from reclaim.sharing import shared

from ..access import practitioner_required

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
            "new": new,
            "zone": request.user.zone,
        },
    )


@practitioner_required
@require_http_methods(["GET"])
def client_detail(request: SignedInRequest, client_id: uuid.UUID) -> HttpResponse:
    return render(
        request,
        "practice/area/client.html",
        {
            "area_nav": "clients",
            "page": shared.client_page(request.user, client_id),
            "zone": request.user.zone,
        },
    )
