"""Signed links for visitors: confirm a registration, cancel or reschedule a booking.

A visitor has no account, so the link in their e-mail is their key. It is
signed with the secret key (django.core.signing), with a salt per purpose, so
a cancel link cannot be turned into a reschedule link, and it carries a time,
so it expires. It holds only a row's identifier and a version number, never a
name or an address: a link is pasted into chats and kept in browser history.

"Refused once used": the row behind the link keeps a version number, raised
whenever a link is used or the booking changes. A token names the version it
was made for, and the caller accepts it only while the row still has that
version:

    found = read_link_token("cancel", token, max_age=timedelta(days=60))
    if found is None or found != (str(booking.pk), booking.link_version):
        ...  # The kind page that says this link no longer works.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing


def _salt(purpose: str) -> str:
    return f"reclaim.practice.link.{purpose}"


def make_link_token(purpose: str, ident: str, version: int) -> str:
    """A token for a link that does `purpose` to the row `ident` at `version`."""
    return signing.dumps([str(ident), int(version)], salt=_salt(purpose), compress=False)


def read_link_token(purpose: str, token: str, max_age: timedelta) -> tuple[str, int] | None:
    """`(ident, version)` from a token made for `purpose`; None when tampered, expired or not for this."""
    try:
        value = signing.loads(token, salt=_salt(purpose), max_age=max_age)
    except signing.BadSignature:  # Expired links raise a kind of BadSignature too.
        return None
    # Our own signature over a shape we did not write would mean a key shared
    # with something else; refuse rather than guess.
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[0], str)
        or not isinstance(value[1], int)
        or isinstance(value[1], bool)
    ):
        return None
    return value[0], value[1]
