import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .adapter import KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE, remember_device


class KnownDeviceMiddleware:
    """Remember (in a signed cookie) which accounts signed in on this browser.

    The cookie holds a random id for this browser and the sign-in names used
    here, is HTTP-only, and gives the member's own browser its own account-wide
    allowance, which a stranger's guesses elsewhere never touch.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        login = getattr(request, "_reclaim_known_login", None)
        if login:
            response.set_cookie(
                KNOWN_DEVICE_COOKIE,
                remember_device(request, login),
                max_age=KNOWN_DEVICE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response


class NoticeMiddleware:
    """Hand a signed-in member's waiting notices to this session, once each.

    Costs no query on an ordinary page: the user row, already read, carries a
    number that goes up with every notice, and the session keeps the number
    it last saw.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from .models import User
        from .notices import SERIAL_KEY, hand_over

        user = getattr(request, "user", None)
        if (
            isinstance(user, User)
            and user.notice_serial
            and request.session.get(SERIAL_KEY) != user.notice_serial
        ):
            hand_over(request, user)
        return self.get_response(request)


class SessionActivityMiddleware:
    """Keep the list of places signed in up to date, without a write on every page.

    In place of allauth's UserSessionsMiddleware, which wrote the member's
    row on every request, reads included. Placed after the auto-lock, so a
    request that locks the app records nothing.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from .sessions import activity_due, record_activity

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            if activity_due(request, now):
                record_activity(request, now)
        return self.get_response(request)
