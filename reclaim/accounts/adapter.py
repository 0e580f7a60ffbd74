"""allauth adapters: sign-in limits that cannot lock the member out, and
two-factor secrets sealed by the vault."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit as _ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.urls import reverse

from reclaim.vault import crypto

KNOWN_DEVICE_COOKIE = "reclaim_device"
KNOWN_DEVICE_SALT = "reclaim.known-device"
KNOWN_DEVICE_MAX_AGE = 180 * 24 * 3600


def _login_name(credentials: dict[str, Any]) -> str:
    return credentials.get("email", credentials.get("username", "")).lower()


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")


def known_logins(request: HttpRequest) -> list[str]:
    """The sign-in names this browser's signed cookie vouches for, or none."""
    token = request.COOKIES.get(KNOWN_DEVICE_COOKIE)
    if not token:
        return []
    try:
        return signing.loads(token, salt=KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_MAX_AGE)
    except signing.BadSignature:
        return []


def is_known_device(request: HttpRequest, login: str) -> bool:
    return login in known_logins(request)


class AccountAdapter(DefaultAccountAdapter):
    """Failed sign-ins are counted per account *from one address*.

    A guesser elsewhere uses up only their own allowance, so they cannot lock
    the real member out. A slower account-wide limit stops a guesser spread
    over many addresses; browsers where the member signed in before carry a
    signed cookie and are not held back by it.
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

    # The account-wide attempt that pre_authenticate() counted, so that
    # authenticate() can give it back when the password is right.
    _account_rl_usage = None

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        return f"{_login_name(credentials)}@{client_address(request)}"

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        # The per-address limit first: a try refused there never reached the
        # password, so it must not use up the account-wide allowance as well.
        super().pre_authenticate(request, **credentials)
        login = _login_name(credentials)
        self._account_rl_usage = None
        if not is_known_device(request, login):
            # allauth's internal limiter (its own adapter uses it) hands back a
            # usage that can be rolled back; the public one answers only yes or no.
            usage = _ratelimit.consume(
                request, app="allauth.account", action="login_failed_account", key=login
            )
            if not usage:
                self._rollback_login_failed_rl_usage()
                raise self.validation_error("too_many_login_attempts")
            self._account_rl_usage = usage

    def authenticate(self, request: HttpRequest, **credentials: Any):
        user = super().authenticate(request, **credentials)
        if user is not None:
            # A right password is not a failure: give back this one attempt,
            # and only this one (the guesses before it still count).
            if self._account_rl_usage:
                self._account_rl_usage.rollback()
            request._reclaim_known_login = _login_name(credentials)
        return user

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        user = request.user
        if user.is_authenticated and user.onboarded is None:
            return reverse("accounts:welcome")
        return super().get_login_redirect_url(request)

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

    def encrypt(self, text: str) -> str:
        return crypto.seal_system(text, "mfa")

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.open_system(encrypted_text, "mfa")
