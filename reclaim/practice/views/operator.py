"""The operator's pages at /operator/: invitations and the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import invitations
from ..access import operator_required
from ..actions import team as actions
from ..forms_team import InviteForm
from ..queries import team as queries


@operator_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "practice/operator/index.html")


@operator_required
@require_http_methods(["GET", "POST"])
def invitation_list(request: HttpRequest) -> HttpResponse:
    """The invitations, and a form to send one; a new link is shown here once."""
    form = InviteForm(request.POST or None)
    link = ""
    if request.method == "POST" and form.is_valid():
        made = actions.do_invite(
            request.user, form.cleaned_data["email"], form.cleaned_data["days"]
        )
        # Shown in this answer only, never stored: the database keeps a digest.
        link = invitations.link_for(made.token, request.build_absolute_uri("/"))
        sent_to = made.invitation.email
        form = InviteForm()
    else:
        sent_to = ""
    return render(
        request,
        "practice/operator/invitations.html",
        {
            "form": form,
            "link": link,
            "sent_to": sent_to,
            "invitations": queries.invitation_list(),
        },
        status=400 if request.method == "POST" and not link else 200,
    )


@operator_required
@require_POST
def revoke(request: HttpRequest, invitation_id: int) -> HttpResponse:
    if actions.do_revoke(request.user, invitation_id):
        messages.success(request, "That invitation is withdrawn. Its link no longer works.")
    else:
        messages.info(request, "That invitation was already used or withdrawn.")
    return redirect("operator:invitations")


@operator_required
@require_safe
def audit(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practice/operator/audit.html",
        {"page": queries.audit_page(request.GET.get("page"))},
    )
