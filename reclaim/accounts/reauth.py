"""Proof that the person at the screen is the member, for the one step that cannot be undone.

allauth's re-authentication accepts any one way of signing in again: the
password or, when two-step sign-in is on, the code. That is right for
changing an address. Deleting the account destroys everything at once, so
it asks for every way the member signs in: the password, and the code too
when they set one up. Each proof counts for allauth's usual few minutes.
"""

from __future__ import annotations

import time

from allauth.account import app_settings as account_settings
from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.internal.flows.reauthentication import suspend_request
from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

# allauth's name for each way of proving it, and the page that asks for it.
PROOF_PAGES = {"password": "account_reauthenticate", "mfa": "mfa_reauthenticate"}


def _fresh_proofs(request: HttpRequest) -> set[str]:
    since = time.time() - account_settings.REAUTHENTICATION_TIMEOUT
    return {
        record["method"]
        for record in get_authentication_records(request, request.user)
        if record.get("reauthenticated") and record.get("at", 0) >= since
    }


def ask_for_missing_proof(request: HttpRequest) -> HttpResponse | None:
    """A redirect to the next proof still owed (keeping this POST to replay after), or None."""
    wanted = ["password"]
    two_step = Authenticator.objects.filter(user_id=request.user.pk).exclude(
        type=Authenticator.Type.RECOVERY_CODES
    )
    if two_step.exists():
        wanted.append("mfa")
    fresh = _fresh_proofs(request)
    for method in wanted:
        if method not in fresh:
            return suspend_request(request, reverse(PROOF_PAGES[method]))
    return None
