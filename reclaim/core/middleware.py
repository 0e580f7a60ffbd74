"""Privacy middleware: headers on every answer, and the auto-lock."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import urlencode

from . import locking
from .views import CLEAR_SITE_DATA

log = logging.getLogger("reclaim.requests")

Handler = Callable[[HttpRequest], HttpResponse]


class RequestIdMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4().hex[:12]
        # Our own attribute on the request, read by the error pages and the logs.
        request.request_id = request_id  # type: ignore[attr-defined]
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        log.info(
            "request",
            extra={
                "request_id": request_id,
                "status_code": response.status_code,
                "method": request.method,
                # The route's name, never the path: paths can carry ids.
                "path_name": match.view_name if match else "",
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response


# The mark a view puts on its response to say "this page is the same for every
# visitor who is not signed in": the public site's pages, feed and sitemap.
# Core names it so feature apps can set it without core knowing them.
PUBLIC_PAGE = "reclaim_public_page"

# A shared cache (a reverse proxy) may keep a public page for five minutes;
# a browser asks again each time and gets a short 304 when nothing changed.
PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=300"


def mark_public(response: HttpResponse) -> HttpResponse:
    """Say that this answer is a public page, the same for every signed-out visitor."""
    setattr(response, PUBLIC_PAGE, True)
    return response


def _shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether a shared cache may keep this answer: public, anonymous, read-only, cookie-free."""
    user = getattr(request, "user", None)
    return (
        getattr(response, PUBLIC_PAGE, False)
        and request.method in ("GET", "HEAD")
        # A 304 the view made itself (a picture it knows is unchanged) keeps
        # the same caching words as the 200 it stands for.
        and response.status_code in (200, 304)
        and not (user is not None and user.is_authenticated)
        # An answer that sets a cookie belongs to one browser only. The session
        # and CSRF middlewares set theirs after this one has run, so their
        # intentions are read from the request.
        and not response.cookies
        and not getattr(getattr(request, "session", None), "modified", False)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.streaming
    )


class PrivacyMiddleware:
    """Nothing a signed-in member sees is kept by the browser or a proxy.

    The public site is the one exception: a page marked public (see
    `mark_public`), asked for by a visitor who is not signed in, may be kept
    by a shared cache and is revalidated by the browser with its ETag.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        public = _shareable(request, response)
        if public:
            # A public answer that says how long it keeps (an image whose
            # address names its bytes: a year) keeps its own words.
            response.setdefault("Cache-Control", PUBLIC_CACHE_CONTROL)
            # A signed-in visitor's browser sends a session cookie, and must
            # never be handed a copy a shared cache kept for someone else.
            patch_vary_headers(response, ["Cookie"])
            if not response.has_header("ETag"):
                set_response_etag(response)
            conditional = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=None,
                response=response,
            )
            if conditional is not None and conditional is not response:
                response = conditional
        elif not request.path.startswith(settings.STATIC_URL):
            response["Cache-Control"] = "no-store, max-age=0"
            response["Pragma"] = "no-cache"
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if not public:
            response.setdefault("X-Robots-Tag", "noindex, nofollow")
        match = getattr(request, "resolver_match", None)
        if match and match.url_name == "account_logout" and request.method == "POST":
            # Signing out also tells the browser to forget what it kept.
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


def _csrf_ok(request: HttpRequest) -> bool:
    """Whether a POST passes Django's CSRF check, asked before the view runs.

    The auto-lock may keep a POST's words as a draft before the view (and so
    before the usual CSRF check) runs; only a genuine form of ours counts.
    """

    def no_view(_request: HttpRequest) -> HttpResponse:
        return HttpResponse()

    # The check looks at the view only for @csrf_exempt; a plain one asks for the full check.
    checker = CsrfViewMiddleware(no_view)
    return checker.process_view(request, no_view, (), {}) is None


class AutoLockMiddleware:
    """Sign the member out after their chosen minutes without activity.

    The page locks itself too (static/core/privacy.js), but the server does
    not trust the page: a request that arrives after the idle limit ends the
    session. If that request carried words the member was writing, the app
    that owns the form keeps them as a draft first (see core/locking.py).
    """

    SESSION_KEY = "reclaim_last_seen"
    # Writing the session on every request would be needless load.
    TOUCH_EVERY = 30

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if request.path_info == reverse("core:lock"):
            # The page locking itself: the view ends the session and says why.
            return self.get_response(request)
        if user.is_authenticated:
            now = int(time.time())
            last = request.session.get(self.SESSION_KEY)
            limit = (user.autolock_minutes or settings.RECLAIM_AUTOLOCK_MINUTES) * 60
            if last is not None and now - last > limit:
                return self._lock(request, user)
            if last is None or now - last >= self.TOUCH_EVERY:
                request.session[self.SESSION_KEY] = now
        return self.get_response(request)

    def _lock(self, request: HttpRequest, user) -> HttpResponse:
        kept = False
        if request.method == "POST" and _csrf_ok(request):
            kept = locking.keep_draft(request, user)
        next_url = request.get_full_path() if request.method == "GET" else ""
        logout(request)
        if request.headers.get("X-Requested-With") != "fetch":
            # A page's background request (an autosave, the heartbeat) is never
            # shown, so a message set there would surface later, out of place
            # or twice; the page locks itself next and the lock says it.
            messages.info(
                request,
                "We locked the app after a quiet while, to keep it private. "
                + ("Your words are saved as a draft. " if kept else "")
                + "Sign in again to carry on.",
            )
        target = reverse("account_login")
        if next_url:
            target += "?" + urlencode({"next": next_url})
        return HttpResponseRedirect(target)
