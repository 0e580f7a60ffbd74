"""Plain names for the browsers a member is signed in on.

A raw user-agent string means little to most people. "Firefox on Android"
is something a member can recognise at a glance, or not recognise, which
is the point: a device they don't know is one they may want to sign out.
"""

from __future__ import annotations

from django import template

register = template.Library()

# Order matters: most browsers also claim to be the ones they grew out of
# (Edge says Chrome and Safari; Chrome says Safari), so the specific come first.
BROWSERS = [
    ("Edg", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
]
SYSTEMS = [
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Macintosh", "a Mac"),
    ("Linux", "Linux"),
]


def _first(user_agent: str, table: list[tuple[str, str]]) -> str | None:
    return next((name for marker, name in table if marker in user_agent), None)


@register.filter
def device_name(user_agent: str | None) -> str:
    """'Firefox on Android' from a user-agent string, as far as it can tell."""
    user_agent = user_agent or ""
    browser = _first(user_agent, BROWSERS)
    system = _first(user_agent, SYSTEMS)
    if browser and system:
        return f"{browser} on {system}"
    if browser or system:
        return browser or f"A browser on {system}"
    return "An unknown browser"


@register.filter(name="network_name")
def network_name_filter(ip: str | None) -> str:
    """The start of the network a session came from, as the device list shows it."""
    from reclaim.accounts.sessions import network_name

    return network_name(ip)
