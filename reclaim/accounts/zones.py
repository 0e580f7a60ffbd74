"""The time zones a member can choose, and the words that name them.

Which zones belong to which country comes from the IANA time zone database's
own `zone.tab`, shipped inside the `tzdata` package, so the list is as fresh
as the zone rules themselves and nobody keeps a table of their own.
"""

from __future__ import annotations

import functools
import zoneinfo
from importlib import resources

from django_countries import countries

# Every zone Python can use, less two names that are not places. Besides the
# cities `zone.tab` lists, this keeps old aliases such as "US/Eastern", so an
# earlier choice stays valid.
TIMEZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})

Choices = list[tuple[str, str]]
GroupedChoices = list[tuple[str, Choices]]


@functools.cache
def zones_by_country() -> dict[str, list[str]]:
    """ISO country code to that country's zones, in `zone.tab`'s order (the main one first)."""
    known = set(TIMEZONES)
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    found: dict[str, list[str]] = {}
    for line in table.splitlines():
        if not line or line.startswith("#"):
            continue
        code, _coordinates, zone, *_comment = line.split("\t")
        if zone in known:
            found.setdefault(code, []).append(zone)
    return found


def zone_label(zone: str) -> str:
    """How a zone is named to a member: "London time (Europe/London)".

    The city is the last part of the zone's name; names without one
    ("UTC", "Etc/GMT+5") are shown as they are, since they name no place.
    """
    region, _, city = zone.rpartition("/")
    if not region or region == "Etc":
        return zone
    return f"{city.replace('_', ' ')} time ({zone})"


def _sorted(zones: list[str] | set[str]) -> Choices:
    # Sorted by the words shown, so typing a city's first letter in the
    # list jumps to it.
    return sorted(((zone, zone_label(zone)) for zone in zones), key=lambda c: c[1].casefold())


def timezone_choices(country: str = "") -> Choices | GroupedChoices:
    """Every zone; when `country` has zones of its own, those come first in their own group."""
    own = zones_by_country().get(country.upper(), [])
    if not own:
        return _sorted(TIMEZONES)
    rest = set(TIMEZONES) - set(own)
    return [
        (f"In {countries.name(country.upper())}", _sorted(own)),
        ("All time zones", _sorted(rest)),
    ]
