"""Telling the member, inside the app, when their account is opened or changed.

A new sign-in on a browser this account has not used before, and a changed
password, e-mail address or two-step sign-in, each leave a notice. It shows
once, on the next page of every other session (and of the next sign-in),
then it is gone. The words are neutral: someone else may be looking at the
screen. By e-mail only if the member turned that on in settings, with a
subject that says nothing about what the app is.

Changing the password or two-step sign-in also signs out every other
session: whoever may have learnt the old one is out at once.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import reverse

from .models import Notice, User

# What each notice says on the page. A sign-in names the device in words.
NOTICE_WORDS = {
    Notice.Kind.SIGN_IN: "A new sign-in to your account: {device}. If that wasn't you, "
    "you could sign out there from Settings, then change your password.",
    Notice.Kind.PASSWORD: "Your password was changed. If that wasn't you, "
    "you could reset it from the sign-in page.",
    Notice.Kind.EMAIL: "The e-mail address of your account was changed. If that wasn't you, "
    "you could check it in Settings.",
    Notice.Kind.TWO_STEP: "Your two-step sign-in was changed. If that wasn't you, "
    "you could check it in Settings.",
}
EMAIL_SUBJECT = "A note about your account"
EMAIL_BODY = (
    "Hello,\n\n"
    "Something about your account changed. You can read what it was after signing in.\n\n"
    "{link}\n"
)
SERIAL_KEY = "reclaim_notice_serial"


def words_for(notice: Notice) -> str:
    return NOTICE_WORDS[Notice.Kind(notice.kind)].format(device=notice.device or "a browser")


def send_notice_email(address: str) -> None:
    """The neutral e-mail: the same words whatever happened, which the app tells itself."""
    link = settings.RECLAIM_SITE_URL.rstrip("/") + reverse("core:home")
    send_mail(EMAIL_SUBJECT, EMAIL_BODY.format(link=link), None, [address])


def hand_over(request: HttpRequest, user: User) -> None:
    """Show this session the notices it has not seen, and remember it looked."""
    from .actions import do_take_notices

    for notice in do_take_notices(user, request.session.session_key):
        if hasattr(request, "_messages"):
            messages.info(request, words_for(notice))
    request.session[SERIAL_KEY] = user.notice_serial


def _note(request: HttpRequest | None, user: Any, kind: str, device: str = "") -> None:
    from .actions import do_add_notice

    if request is None or not isinstance(user, User) or not user.is_member:
        return
    session = getattr(request, "session", None)
    key = session.session_key if session is not None else None
    serial = do_add_notice(user, kind, key, device)
    if session is not None:
        # This session made the notice: it has nothing new to look for.
        session[SERIAL_KEY] = serial


def _end_others(request: HttpRequest | None, user: Any) -> None:
    from .actions import do_end_other_sessions

    session = getattr(request, "session", None)
    do_end_other_sessions(user, session.session_key if session is not None else None)


def on_signed_in(
    sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any
) -> None:
    """Django's user_logged_in: a notice when the browser is new to this account."""
    from .adapter import known_device
    from .templatetags.devices import device_name

    if request is None or not isinstance(user, User) or not user.is_member:
        return
    _, logins = known_device(request)
    names = {name.lower() for name in logins}
    if not names & {user.username.lower(), (user.email or "").lower()}:
        _note(
            request, user, Notice.Kind.SIGN_IN, device_name(request.META.get("HTTP_USER_AGENT", ""))
        )
    if hasattr(request, "session"):
        # What happened while the member was away shows on the first page.
        hand_over(request, user)


def on_password_changed(
    sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any
) -> None:
    _end_others(request, user)
    _note(request, user, Notice.Kind.PASSWORD)


def on_email_changed(
    sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any
) -> None:
    _note(request, user, Notice.Kind.EMAIL)


def on_two_step_changed(
    sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any
) -> None:
    _end_others(request, user)
    _note(request, user, Notice.Kind.TWO_STEP)
