"""The public hooks through which a feature app plugs into core.

Core knows no feature app. An app that needs core to do something for it
registers here, from its `AppConfig.ready()`, and core looks in these
registries when the moment comes. This is the only core module written for
feature apps to register into; the modules that use the registries (such as
`core.locking`) stay core's own, and an import-linter contract keeps feature
apps out of them.

The other hook needs no registration: `reclaim demo` calls the function
`seed(user, days, today)` of each installed app's `demo` module (see
`core.demo`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import QueryDict

# Called with the member and the late POST's data; says whether it kept a draft.
# core imports no feature app, so it cannot name the user model; Any lets each
# app's saver say `User`.
DraftSaver = Callable[[Any, QueryDict], bool]
_draft_savers: dict[str, DraftSaver] = {}


def register_draft_saver(url_name: str, saver: DraftSaver) -> None:
    """Keep what a member was writing on `url_name` when the app locks mid-POST.

    When a POST to that view arrives after the idle limit, the auto-lock calls
    `saver(member, request.POST)` before it ends the session, so the words are
    kept (sealed, on the server) and offered back after signing in.
    """
    _draft_savers[url_name] = saver


def draft_saver_for(url_name: str) -> DraftSaver | None:
    """The saver an app registered for this URL name, if any."""
    return _draft_savers.get(url_name)
