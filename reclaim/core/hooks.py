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

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Model
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


# The front page for a visitor who is not signed in (the practice's home), and
# where a signed-in account that is not a member belongs (the practice area).
PublicHome = Callable[[Any], Any]
SignedInHome = Callable[[Any], str | None]
_public_home: list[PublicHome] = []
_signed_in_homes: list[SignedInHome] = []


def register_public_home(view: PublicHome) -> None:
    """Serve `view(request)` at `/` to visitors who are not signed in."""
    _public_home[:] = [view]


def public_home() -> PublicHome | None:
    """The view an app registered for the signed-out front page, if any."""
    return _public_home[0] if _public_home else None


def register_signed_in_home(where: SignedInHome) -> None:
    """`where(user)` names the URL a signed-in account starts at, or None for the member's."""
    _signed_in_homes.append(where)


def signed_in_home(user: Any) -> str | None:
    """The URL name a signed-in account starts at, when an app claims it."""
    for where in _signed_in_homes:
        name = where(user)
        if name:
            return name
    return None


@dataclass(frozen=True)
class ExportList:
    """One list in a member's export: rows of one model, from the owning app's queries.

    `rows(member)` gives the member's rows with nothing opened yet; the
    export opens every sealed value on them. `leave_out` names columns that
    are not the member's words or choices (a password hash, a counter).
    """

    name: str
    model: type[Model]
    rows: Callable[[Any], Iterable[Any]]
    leave_out: tuple[str, ...] = ()

    @classmethod
    def owned(cls, name: str, model: type[Model], leave_out: tuple[str, ...] = ()) -> ExportList:
        """The list of every row of `model` whose `owner` is the member, oldest first."""
        order = model._meta.ordering or ["pk"]

        def rows(member: Any) -> Iterable[Any]:
            return model._default_manager.filter(owner=member).order_by(*order)

        return cls(name, model, rows, leave_out)


_export_parts: dict[str, tuple[str, tuple[ExportList, ...]]] = {}


def register_export_part(key: str, title: str, *lists: ExportList) -> None:
    """Put these lists into every export, under `key`, headed `title` in the readable copy.

    Each app registers what it keeps, so a new app's data joins "Take your
    words with you" without core or accounts knowing it; a test holds that
    every model a member owns is in some part or named as left out, and the
    published schema (docs/export.schema.json) is made from these lists.
    """
    _export_parts[key] = (title, tuple(lists))


def export_parts() -> list[tuple[str, str, tuple[ExportList, ...]]]:
    """Every registered part as (key, title, lists), in the order the apps registered them."""
    return [(key, title, lists) for key, (title, lists) in _export_parts.items()]


# Called with the member and the moment, inside the transaction that keeps an
# urgent moment of risk (see safety.response.record). Any lets the listening
# app say `User`.
UrgentListener = Callable[[Any, datetime], object]
_urgent_listeners: list[UrgentListener] = []


def register_urgent_listener(listener: UrgentListener) -> None:
    """Call `listener(member, moment)` each time a new urgent moment of risk is kept.

    It runs inside the transaction that keeps the member's words, so what it
    writes shares their fate; anything it sends must wait for the commit
    (`transaction.on_commit`). The safety app never learns who listens.
    """
    if listener not in _urgent_listeners:
        _urgent_listeners.append(listener)


def urgent_listeners() -> tuple[UrgentListener, ...]:
    """Every listener registered for urgent moments, in the order they came."""
    return tuple(_urgent_listeners)
