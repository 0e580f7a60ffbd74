"""Who may open the practice area and the operator's pages.

A practitioner (or the operator) must have two-factor set up (an
authenticator app or a passkey) before either opens: until then they are
sent to set it up. Anyone else, members included, gets a plain 404, the
same answer as for a page that does not exist.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from reclaim.accounts.roles import Role

# What counts as a second factor (recovery codes are a way back in, not one).
SECOND_FACTORS = (Authenticator.Type.TOTP, "webauthn")

View = Callable[..., HttpResponse]


def has_second_factor(user: Any) -> bool:
    return Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()


def _role_required(role: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if getattr(user, "role", None) != role:
                raise Http404
            if not has_second_factor(user):
                return redirect("mfa_activate_totp")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


practitioner_required = _role_required(Role.PRACTITIONER)
operator_required = _role_required(Role.OPERATOR)


def start_page_for(user: Any) -> str | None:
    """Where a practitioner or the operator starts after signing in (members: None)."""
    if getattr(user, "role", None) == Role.PRACTITIONER:
        return "practice:index"
    if getattr(user, "role", None) == Role.OPERATOR:
        return "operator:index"
    return None
