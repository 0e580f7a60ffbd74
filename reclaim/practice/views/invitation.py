"""The page an invited practitioner opens to make their account."""

from __future__ import annotations

from allauth.account.internal.flows.reauthentication import reauthenticate_by_password
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..actions import team as actions
from ..forms_team import AcceptForm
from ..queries import team as queries

# An unknown, used and expired link all get this one answer, so the page
# says nothing about which links were ever real. 404: for the person
# holding it, there is nothing here any more.
ENDED_STATUS = 404


def _ended(request: HttpRequest) -> HttpResponse:
    return render(request, "practice/invitation/ended.html", status=ENDED_STATUS)


@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    if request.user.is_authenticated:
        # Checked before the token, so a signed-in visitor learns nothing about it.
        return render(request, "practice/invitation/signed_in.html")
    invitation = queries.open_invitation(token)
    if invitation is None:
        return _ended(request)
    form = AcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.do_accept(
                token, form.cleaned_data["username"], form.cleaned_data["password1"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if user is None:
                return _ended(request)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            # They typed their password a moment ago: that counts as the
            # recent sign-in two-factor set-up asks for, so they are not
            # asked for it again on the very next page.
            reauthenticate_by_password(request)
            # A practitioner's session ends when the browser closes.
            request.session.set_expiry(0)
            return redirect("mfa_activate_totp")
    return render(
        request,
        "practice/invitation/accept.html",
        {"form": form, "email": invitation.email, "expires": invitation.expires},
        status=400 if form.is_bound else 200,
    )
