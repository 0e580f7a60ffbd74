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
"""

from __future__ import annotations

import ipaddress
from typing import Any

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
