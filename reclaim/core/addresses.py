"""Who is asking: the one answer to "what is this visitor's address?".

Sign-in limits are counted per address, so the address must be the
visitor's, not the reverse proxy's (or every member would share one
allowance), and it must not be something a visitor can simply claim (or a
guesser would pick a fresh one for every try). `X-Forwarded-For` is believed
only when the request comes from a proxy named in `RECLAIM_TRUSTED_PROXIES`,
and then only as far as the proxies in that list vouch for it: the client is
the right-most address that is not one of our own proxies. Everything to its
left was written by the visitor and proves nothing.

Our own sign-in limits and allauth's (through the account adapter's
`get_client_ip`) both ask this function, so they always agree.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    # Only for the type: settings.py imports this module before Django is set up.
    from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(items: Iterable[str], name: str = "RECLAIM_TRUSTED_PROXIES") -> list[Network]:
    """Addresses (`10.0.0.5`) or networks (`10.0.0.0/8`, `fd00::/8`), checked at start."""
    networks = []
    for item in items:
        try:
            networks.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list addresses or networks (such as 10.0.0.5 or 10.0.0.0/8), "
                f"not {item!r}."
            ) from None
    return networks


@functools.lru_cache(maxsize=8)
def _trusted(items: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(parse_networks(items))


def _parse(value: str) -> Address | None:
    """One address as a proxy writes it, perhaps with a port; None when it is not one."""
    value = value.strip().strip('"')
    if value.startswith("[") and "]" in value:
        # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        # 192.0.2.1:443
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket is still that IPv4 client.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: Address, trusted: tuple[Network, ...]) -> bool:
    return any(address.version == net.version and address in net for net in trusted)


def client_address(request: HttpRequest) -> str:
    """The visitor's address, or "" when the connection names none."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return ""
    trusted = _trusted(tuple(getattr(settings, "RECLAIM_TRUSTED_PROXIES", ())))
    if not trusted or not _is_trusted(remote, trusted):
        return str(remote)
    # Every X-Forwarded-For header line, in order, as one list.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    client = remote
    for hop in reversed([part for part in forwarded.split(",") if part.strip()]):
        address = _parse(hop)
        if address is None:
            # Our proxy would never write this; whatever is left of it came from
            # the visitor. The last address our proxies vouched for stands.
            break
        client = address
        if not _is_trusted(address, trusted):
            break
    return str(client)
