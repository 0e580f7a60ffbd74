from functools import lru_cache
from types import MappingProxyType
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse

# The links in every member page's frame (core/base.html), by a short name.
SHELL_LINKS = {
    "exit": "core:exit",
    "login": "account_login",
    "still_here": "core:still_here",
    "lock": "core:lock",
    "home": "core:home",
    "calm": "calm:index",
    "today": "progress:today",
    "checkin": "checkins:new",
    "journal": "journal:list",
    "toolkit": "toolkit:index",
    "learn": "learn:index",
    "questionnaires": "assessments:index",
    "progress": "progress:progress",
    "settings": "accounts:settings",
    "logout": "account_logout",
    "privacy": "core:privacy",
}


@lru_cache(maxsize=16)
def _shell_links(prefix: str, urlconf: str) -> MappingProxyType[str, str]:
    # Worked out once per address prefix and URL set rather than by a dozen
    # {% url %} tags on every page (about 20 µs each).
    return MappingProxyType({key: reverse(name, urlconf) for key, name in SHELL_LINKS.items()})


def reclaim(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    member = user if user is not None and user.is_authenticated else None
    signed_in = member is not None
    discreet = bool(member is not None and member.discreet_mode)
    minutes = (member.autolock_minutes if member is not None else None) or (
        settings.RECLAIM_AUTOLOCK_MINUTES
    )
    return {
        "site_name": settings.RECLAIM_DISCREET_NAME if discreet else settings.RECLAIM_SITE_NAME,
        "discreet": discreet,
        "exit_url": settings.RECLAIM_EXIT_URL,
        "autolock_seconds": minutes * 60 if signed_in else 0,
        "links": _shell_links(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF),
    }
