"""What the list of places a member is signed in keeps about each browser.

allauth.usersessions keeps a row per signed-in browser with the client's full
internet address and user-agent string. Together they can place a member at
home, at work or at a friend's, on a given day, which is exactly what a
partner who gets hold of the database (or a backup) should not learn.

The list needs far less to do its job, which is to let the member spot a
browser they do not recognise: the kind of browser in plain words ("Firefox
on Android") and roughly which network it is on. So each row keeps only that,
from the moment it is written: the label instead of the user-agent string,
and the network instead of the address (the first three parts of an IPv4
address, the first 48 bits of an IPv6 one: a provider and a region, not a
household). Rows go when the session ends: on signing out (here, and the
automatic lock), on "sign out everywhere else" (allauth), and, for sessions
that ran out, in a nightly job (`forget_ended_sessions`).

"Last active" is recorded by our own middleware (`SessionActivityMiddleware`)
at most once every `ACTIVITY_EVERY`, not by allauth's, which wrote the row on
every request a signed-in member made: on SQLite that one write lock made
every member's page wait for every other's, for a time nobody reads to the
second. The session remembers when it last wrote, so the requests in between
cost no query at all.
"""

from __future__ import annotations

import contextlib
import ipaddress
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from reclaim.core.addresses import client_address

from .templatetags.devices import device_name

IPV4_PREFIX = 24
IPV6_PREFIX = 48
# What the row holds when the address could not be read at all; the column
# cannot be empty.
UNKNOWN_NETWORK = "0.0.0.0"  # noqa: S104 - a placeholder, nothing listens on it


def coarse_address(ip: str | None) -> str:
    """The network an address belongs to, as an address: 203.0.113.7 -> 203.0.113.0."""
    try:
        address = ipaddress.ip_address((ip or "").strip())
    except ValueError:
        return UNKNOWN_NETWORK
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    prefix = IPV4_PREFIX if address.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)


def network_name(ip: str | None) -> str:
    """How the list shows a kept network: '203.0.113' or '2001:db8:85a3'."""
    coarse = coarse_address(ip)
    if coarse == UNKNOWN_NETWORK:
        return ""
    address = ipaddress.ip_address(coarse)
    if address.version == 4:
        return coarse.rsplit(".", 1)[0]
    return ":".join(group.lstrip("0") or "0" for group in address.exploded.split(":")[:3])


def coarsen(session: Any) -> None:
    """Reduce a usersessions row to what the list shows, before it is saved.

    Safe to run again on a row already reduced: a label is kept as it is.
    """
    session.ip = coarse_address(session.ip)
    if session.user_agent not in DEVICE_LABELS:
        session.user_agent = device_name(session.user_agent)


def _labels() -> frozenset[str]:
    from .templatetags.devices import BROWSERS, SYSTEMS

    browsers = {name for _, name in BROWSERS}
    systems = {name for _, name in SYSTEMS}
    return frozenset(
        {f"{browser} on {system}" for browser in browsers for system in systems}
        | browsers
        | {f"A browser on {system}" for system in systems}
        | {"An unknown browser"}
    )


# Every label device_name can give, so a row already reduced is recognised.
DEVICE_LABELS = _labels()


def before_session_saved(sender: type, instance: Any, **kwargs: Any) -> None:
    """pre_save receiver for allauth's UserSession (connected in apps.py)."""
    coarsen(instance)


# How often the list of places signed in learns that a browser is still in
# use. The list shows "last active 4 minutes ago", so a few minutes is as
# exact as anyone needs; the auto-lock keeps its own, finer stamp.
ACTIVITY_EVERY = timedelta(minutes=5)
# In the session: when (seconds since the epoch) this browser's row was last written.
ACTIVITY_KEY = "reclaim_activity_recorded"


def activity_due(request: HttpRequest, now: float) -> bool:
    """Whether this signed-in request should update the list's "last active"."""
    recorded = request.session.get(ACTIVITY_KEY)
    return recorded is None or now - recorded >= ACTIVITY_EVERY.total_seconds()


def record_activity(request: HttpRequest, now: float | None = None) -> None:
    """Note in the list that this browser is in use now, as it is, and since when.

    Writes the row's last-active time, network and browser label (as allauth
    did on every request), and makes the row when it is missing: a session
    begun before this middleware, or by a sign-in allauth did not see.
    """
    from allauth.usersessions.models import UserSession

    key = request.session.session_key
    if not key:
        # Not saved yet (this request is the sign-in): the sign-in makes the row.
        return
    now = time.time() if now is None else now
    seen = datetime.fromtimestamp(now, tz=UTC)
    # update() skips pre_save, so the row is reduced here, as coarsen() would.
    network = coarse_address(client_address(request))
    label = device_name(request.META.get("HTTP_USER_AGENT", ""))
    updated = UserSession.objects.filter(session_key=key, user_id=request.user.pk).update(
        last_seen_at=seen, ip=network, user_agent=label
    )
    if not updated:
        # Two requests of one browser may both find no row; one makes it.
        with contextlib.suppress(IntegrityError), transaction.atomic():
            UserSession.objects.create(
                session_key=key,
                user_id=request.user.pk,
                ip=network,
                user_agent=label,
                created_at=seen,
                last_seen_at=seen,
            )
    request.session[ACTIVITY_KEY] = int(now)


def after_signing_in(sender: type, request: Any = None, **kwargs: Any) -> None:
    """allauth's user_logged_in receiver: the sign-in has just written the row.

    Noting that in the session (saved by the sign-in anyway) spares the first
    pages after it a write of their own.
    """
    session = getattr(request, "session", None)
    if session is not None:
        session[ACTIVITY_KEY] = int(time.time())


def after_signing_out(sender: type, request: Any = None, **kwargs: Any) -> None:
    """user_logged_out receiver: the row of this session goes with it.

    allauth leaves it until the member next signs in; the device list has no
    use for a browser that is no longer signed in.
    """
    from allauth.usersessions.models import UserSession

    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        UserSession.objects.filter(session_key=key).delete()


def forget_ended_sessions() -> int:
    """Remove sessions that have run out, and their rows in the list.

    allauth removes a row when the member signs out, but a session that
    simply runs out stays in the database (sessions and list alike) until
    the member next signs in. Returns how many rows of the list went.
    """
    from importlib import import_module

    from allauth.usersessions.models import UserSession
    from django.conf import settings

    # Django's `clearsessions`: the database backend deletes expired
    # sessions; the cache backend lets them expire by themselves.
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return sum(1 for session in UserSession.objects.iterator() if session.purge())
