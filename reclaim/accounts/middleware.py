from collections.abc import Callable

from django.core import signing
from django.http import HttpRequest, HttpResponse

from .adapter import KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE, KNOWN_DEVICE_SALT, known_logins


class KnownDeviceMiddleware:
    """Remember (in a signed cookie) which accounts signed in on this browser.

    The cookie holds only the sign-in names, is HTTP-only, and lets the
    member's own browser skip the account-wide sign-in limit.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        login = getattr(request, "_reclaim_known_login", None)
        if login:
            logins = [name for name in known_logins(request) if name != login][-4:] + [login]
            response.set_cookie(
                KNOWN_DEVICE_COOKIE,
                signing.dumps(logins, salt=KNOWN_DEVICE_SALT),
                max_age=KNOWN_DEVICE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
