"""Keep what a member was writing when the app locks in the middle of it.

An app with a writing form registers a saver for the URL names of its form
views through `reclaim.core.hooks.register_draft_saver`. When a POST arrives
after the idle limit, the auto-lock calls the saver with the member and the
posted data before it ends the session, so the text is kept (sealed, on the
server) and offered back after signing in.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest
from django.urls import Resolver404, resolve

from .hooks import draft_saver_for

log = logging.getLogger(__name__)


def keep_draft(request: HttpRequest, user: object) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    saver = draft_saver_for(match.view_name)
    if saver is None:
        return False
    try:
        return bool(saver(user, request.POST))
    except Exception:
        # Locking must still happen; the failure is logged without content.
        log.exception("draft_on_lock_failed")
        return False
