from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from . import hooks, jobs

# Sent when a session ends on purpose (the quick exit, signing out): the
# browser forgets what it kept of the app.
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


# HEAD answers like GET (the server sends no body): monitors and link checkers use it.
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        elsewhere = hooks.signed_in_home(request.user)
        if elsewhere:
            return redirect(elsewhere)
        if request.user.onboarded is None:
            return redirect("accounts:welcome")
        return redirect("progress:today")
    public = hooks.public_home()
    if public is not None:
        return public(request)
    return render(request, "core/home.html")


# The quick exit must work even when the page is stale (an old CSRF token)
# or when JavaScript sends it as a beacon; ending a session is not an action
# an attacker gains anything by forcing.
@csrf_exempt
@require_POST
def quick_exit(request: HttpRequest) -> HttpResponse:
    logout(request)
    if request.headers.get("X-Quick-Exit") == "beacon" or request.GET.get("beacon"):
        response = HttpResponse(status=204)
    else:
        response = HttpResponse(status=303)
        response["Location"] = settings.RECLAIM_EXIT_URL
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


# Said on the sign-in page after the page's idle timer locked the app. The
# page waits for its forms to keep what was typed before it asks to lock.
LOCKED_AFTER_IDLE = (
    "We locked the app after a quiet while, to keep it private. "
    "Anything you were writing is kept as a draft. Sign in again to carry on."
)


@require_POST
def lock(request: HttpRequest) -> HttpResponse:
    """Where the page sends itself when the idle timer runs out.

    A POST with the page's CSRF token, so no other site can sign a member out
    by linking here. The message is said even when the session has already
    ended (the server may have locked it on the page's last autosave): only
    our own page can send this request, and it always follows an idle lock.
    """
    logout(request)
    messages.info(request, LOCKED_AFTER_IDLE)
    response = redirect("account_login")
    response["Clear-Site-Data"] = '"cache"'
    return response


@require_POST
def still_here(request: HttpRequest) -> HttpResponse:
    """The page's heartbeat while the member is active without navigating."""
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    return HttpResponse(status=204)


@require_safe
def health(request: HttpRequest) -> JsonResponse:
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:
        checks["database"] = "error"
    # Reading the worker's heartbeat from the cache is also the cache check:
    # a read only, because with the database cache a write here would make
    # every probe of a load balancer a database write.
    worker: dict[str, object] = {"status": "unknown"}
    try:
        worker = jobs.worker_health()
        checks["cache"] = "ok"
    except Exception:
        checks["cache"] = "error"
    healthy = all(v == "ok" for v in checks.values())
    # The worker's state is reported, not judged: a stopped worker delays
    # reminders, but the web server must stay in its load balancer's pool.
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks, "worker": worker},
        status=200 if healthy else 503,
    )


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")
