"""allauth adapters: sign-in limits that cannot lock the member out, and
two-factor secrets sealed by the vault."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse

from reclaim.core.addresses import client_address
from reclaim.vault import crypto

from .signin_limits import Bucket

KNOWN_DEVICE_COOKIE = "reclaim_device"
KNOWN_DEVICE_SALT = "reclaim.known-device"
KNOWN_DEVICE_MAX_AGE = 180 * 24 * 3600


def _login_name(credentials: dict[str, Any]) -> str:
    return credentials.get("email", credentials.get("username", "")).lower()


def known_device(request: HttpRequest) -> tuple[str | None, list[str]]:
    """This browser's device id and the sign-in names its signed cookie vouches for.

    (None, []) when there is no cookie, or one we did not sign.
    """
    token = request.COOKIES.get(KNOWN_DEVICE_COOKIE)
    if not token:
        return None, []
    try:
        value = signing.loads(token, salt=KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_MAX_AGE)
    except signing.BadSignature:
        return None, []
    if isinstance(value, list):
        # Cookies from before devices had ids: the cookie itself names the device.
        return hashlib.sha256(token.encode()).hexdigest()[:16], value
    return value.get("device"), list(value.get("logins", []))


def device_for(request: HttpRequest, login: str) -> str | None:
    """The id of this browser if the member signed in here before as `login`, else None."""
    device, logins = known_device(request)
    return device if login in logins else None


PENDING_KNOWN_LOGIN = "reclaim_pending_known_login"


def remember_known_login(sender: object, request: HttpRequest | None, **kwargs: Any) -> None:
    """On every completed sign-in (Django's user_logged_in), mark this browser as known.

    The sign-in name was put aside when the password was right; a browser
    that got no further than the password is not a known device.
    """
    if request is None or not hasattr(request, "session"):
        return
    login = request.session.pop(PENDING_KNOWN_LOGIN, None)
    if login:
        # Our own note on the request, read when the response sets the device cookie.
        request._reclaim_known_login = login  # type: ignore[attr-defined]


def remember_device(request: HttpRequest, login: str) -> str:
    """The signed cookie value that adds `login` to this browser's known sign-ins."""
    device, logins = known_device(request)
    logins = [name for name in logins if name != login][-4:] + [login]
    return signing.dumps(
        {"device": device or secrets.token_urlsafe(12), "logins": logins}, salt=KNOWN_DEVICE_SALT
    )


def address_held_elsewhere(email: str, user_id: int | None) -> bool:
    """Whether another account already has this e-mail address."""
    from allauth.account.models import EmailAddress

    from .models import User

    others = EmailAddress.objects.filter(email__iexact=email).exclude(user_id=user_id)
    users = User.objects.filter(email__iexact=email)
    if user_id is not None:
        users = users.exclude(pk=user_id)
    return others.exists() or users.exists()


class AccountAdapter(DefaultAccountAdapter):
    """Sign-in limits a stranger cannot turn against a member.

    allauth's `login_failed` limit counts failures per account *from one
    address*, so a guesser elsewhere uses up only their own allowance. Above
    it, failures are counted per account across all addresses, separately for
    unknown browsers and for each browser the member signed in on before, with
    growing waits instead of a lock (reclaim/accounts/signin_limits.py). The
    visitor's address comes from reclaim/core/addresses.py, for allauth's
    limits as for ours.
    """

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": (
            "To keep your account safe, we have paused sign-in here for a little while "
            "after several tries. Nothing is wrong with your account. You could try again "
            "later, or reset your password."
        ),
        # allauth's other messages, in our voice: what happened, and what to try.
        "username_password_mismatch": (
            "That username and password don't match. Could you try again?"
        ),
        "email_password_mismatch": (
            "That e-mail address and password don't match. Could you try again?"
        ),
        "incorrect_password": "That password doesn't match. Could you try again?",
        "enter_current_password": "Could you type your current password?",
        "username_taken": "That username is taken. Could you try another?",
        "email_taken": "That e-mail address is already on another account.",
        "duplicate_email": "That address is already on your account.",
        "invalid_password_reset": "This link has run out. You could ask for a new one.",
        "rate_limited": "That was a lot of tries in a short time. Could you wait a minute?",
    }

    # The other ways to confirm it's you, in our words (allauth speaks of
    # "security keys" and "authenticator app or code").
    REAUTHENTICATION_WORDS = {
        "reauthenticate": "Use your password",
        "mfa_reauthenticate": "Use a code from your app, or a backup code",
        "mfa_reauthenticate:webauthn": "Use your passkey",
    }

    def get_reauthentication_methods(self, user: Any) -> list[dict[str, Any]]:
        return [
            {
                **method,
                "description": self.REAUTHENTICATION_WORDS.get(method["id"], method["description"]),
            }
            for method in super().get_reauthentication_methods(user)
        ]

    def get_client_ip(self, request: HttpRequest) -> str:
        # allauth's rate limits (and its session list) ask here; they must see
        # the same visitor as our own limits do.
        address = client_address(request)
        if not address:
            raise PermissionDenied("No client address.")
        return address

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        return f"{_login_name(credentials)}@{client_address(request)}"

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        # The per-address limit first: a try refused there never reached the
        # password, so it must not count against the account as well.
        super().pre_authenticate(request, **credentials)
        login = _login_name(credentials)
        bucket = Bucket(login, device_for(request, login))
        if not bucket.claim():
            # Nor does a try refused account-wide use up the address's allowance.
            self._rollback_login_failed_rl_usage()
            raise self.validation_error("too_many_login_attempts")
        # Kept on the request for authentication_failed, in the same request.
        request._reclaim_signin_bucket = bucket  # type: ignore[attr-defined]

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        bucket = getattr(request, "_reclaim_signin_bucket", None)
        if bucket is not None:
            bucket.failed()

    def authenticate(self, request: HttpRequest, **credentials: Any):
        user = super().authenticate(request, **credentials)
        if user is not None and hasattr(request, "session"):
            # Remembered as a known device only once the sign-in is complete
            # (after the second step, if there is one): see remember_known_login.
            request.session[PENDING_KNOWN_LOGIN] = _login_name(credentials)
        return user

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        user = request.user
        # Only members are welcomed; a practitioner or the operator goes on to
        # the front door, which sends them to their own start page.
        if user.is_authenticated and user.is_member and user.onboarded is None:
            return reverse("accounts:welcome")
        return super().get_login_redirect_url(request)

    def send_confirmation_mail(self, request: HttpRequest, emailconfirmation, signup: bool) -> None:
        # Sign-up answers the same whether or not an address is taken
        # (ACCOUNT_PREVENT_ENUMERATION = "strict"), so a taken address can end
        # up, unconfirmed, on a second account. Its owner gets a note instead
        # of a link, so it can never be confirmed there.
        address = emailconfirmation.email_address
        if address_held_elsewhere(address.email, address.user_id):
            self.send_account_already_exists_mail(address.email)
            return
        super().send_confirmation_mail(request, emailconfirmation, signup)

    def format_email_subject(self, subject: str) -> str:
        # E-mail subjects never say what the app is about.
        return subject

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context = {**context, "site_name": settings.RECLAIM_DISCREET_NAME}
        super().send_mail(template_prefix, email, context)


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": (
            "That code didn't work. Could you check it and try again? From the app, "
            "the newest code works best."
        ),
        "add_email_blocked": (
            "While two-step sign-in is on, an e-mail address can't be added. You could "
            "turn it off, add the address, then turn it on again."
        ),
        "cannot_delete_authenticator": "Two-step sign-in can't be turned off here.",
        "cannot_generate_recovery_codes": (
            "Backup codes come with two-step sign-in. Once it is on, you can make them."
        ),
        "unverified_email": (
            "Could you confirm your e-mail address first? Then you can turn on two-step sign-in."
        ),
    }

    def generate_authenticator_name(self, user: Any, type: str) -> str:
        """A passkey's first name, until the member gives it their own."""
        count = Authenticator.objects.filter(user_id=user.pk, type=type).count()
        return "Passkey" if count == 0 else f"Passkey {count + 1}"

    def encrypt(self, text: str) -> str:
        return crypto.seal_system(text, "mfa")

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.open_system(encrypted_text, "mfa")
