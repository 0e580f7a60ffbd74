"""Keep what a member was writing when the app locks in the middle of it.

An app with a writing form registers a saver for the URL names of its form
views. When a POST arrives after the idle limit, the auto-lock calls the
saver with the member and the posted data before it ends the session, so the
text is kept (sealed, on the server) and offered back after signing in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, QueryDict
from django.urls import Resolver404, resolve

log = logging.getLogger(__name__)

# A saver takes the signed-in member. core imports no feature app, so it cannot
# name the user model; Any lets each app's saver say `User`.
DraftSaver = Callable[[Any, QueryDict], bool]
_savers: dict[str, DraftSaver] = {}


def register_draft_saver(url_name: str, saver: DraftSaver) -> None:
    _savers[url_name] = saver


def keep_draft(request: HttpRequest, user: object) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    saver = _savers.get(match.view_name)
    if saver is None:
        return False
    try:
        return bool(saver(user, request.POST))
    except Exception:
        # Locking must still happen; the failure is logged without content.
        log.exception("draft_on_lock_failed")
        return False
