"""The role gate: practitioners and the operator never open a member page.

A practitioner sees no member's data unless that member shares it, and the
operator runs the installation without reading anyone's words. Rather than
trusting every member view to check the role, this middleware answers 404
(the same page as for an address that does not exist) to any signed-in
practitioner or operator asking for a page outside an allow-list. The list
names what staff may open, not what they may not, so a member page added
later is closed to them from its first day.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from reclaim.accounts.roles import STAFF_ROLES

# Whole URL namespaces staff may open: the public site, their own areas, the
# invitation page, the practice's uploaded pictures (media: covers and
# photos, public on the site anyway, which the practice area shows too), and
# core (the front door redirects them to their start page; quick exit, lock,
# heartbeat, health and privacy hold no member data).
STAFF_NAMESPACES = frozenset({"site", "practice", "operator", "invitation", "media", "core"})

# Single pages outside those namespaces: signing in and out, passwords,
# e-mail and two-factor (allauth's own names), and the public help pages
# that anyone can open without signing in, and signing out one browser from
# the list of places signed in (allauth's list, ours for that one button).
STAFF_NAME_PREFIXES = ("account_", "mfa_", "usersessions_")
STAFF_PAGES = frozenset({"safety:help", "safety:home_safety", "accounts:end_session"})


def staff_may_open(view_name: str, namespace: str) -> bool:
    """Whether a practitioner or the operator may open the page named `view_name`."""
    if namespace.split(":")[0] in STAFF_NAMESPACES:
        return True
    return view_name in STAFF_PAGES or (not namespace and view_name.startswith(STAFF_NAME_PREFIXES))


class RoleGateMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if getattr(request.user, "role", None) in STAFF_ROLES:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                # Not a page at all: Django answers 404 on its own.
                return self.get_response(request)
            if not staff_may_open(match.view_name, match.namespace):
                raise Http404
        return self.get_response(request)
