"""Forms for visitors (webinar registration, booking a consultation), kept from abuse without captchas.

A third-party captcha would send every visitor's address and browser to
someone else's server, and puzzles are hard at 3 a.m. on a phone, or with a
screen reader. Three plain things stand in its place:

- a honeypot: a field named `HONEYPOT_FIELD` that people never see or hear
  (`{% include "practice/_honeypot.html" %}` inside the form). Programs that
  fill in every field fill it in. A view that sees `honeypot_tripped` answers
  exactly as if all went well and does nothing, so the program learns nothing;
- rate limits (`over_limit`): tries counted per client address and per
  e-mail address, in the cache, for an hour;
- confirmation by e-mail (in the webinar and consultation code), so nobody can
  sign someone else up.

The cache never holds an e-mail or a client address as such: each is turned
into a keyed hash (HMAC with the secret key; a plain hash of an e-mail could be
guessed back) before it becomes part of a key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from reclaim.core.addresses import client_address

if TYPE_CHECKING:
    from django.http import HttpRequest

# A name a form-filling program expects to fill in, and a person never sees.
HONEYPOT_FIELD = "website"


@dataclass(frozen=True)
class Limit:
    """How many tries one address and one e-mail may make in a window."""

    per_address: int
    per_email: int
    window_seconds: int = 3600


# Per scope (a form): generous enough that a person who mistypes, goes back
# and tries again never meets it; a program filling the form in a loop does.
# A household or office behind one address may share the per-address count,
# hence it is the larger.
SCOPE_WEBINAR = "webinar"
SCOPE_CONSULTATION = "consultation"
SCOPE_LINK = "link"  # Opening cancel, reschedule and confirm links.
# A member typing a practitioner's invitation code (counted per member, passed as `email`).
SCOPE_CLIENT_CODE = "client_code"
LIMITS: dict[str, Limit] = {
    SCOPE_WEBINAR: Limit(per_address=10, per_email=5),
    SCOPE_CONSULTATION: Limit(per_address=10, per_email=5),
    SCOPE_LINK: Limit(per_address=60, per_email=20),
    SCOPE_CLIENT_CODE: Limit(per_address=30, per_email=10),
}
# A form whose scope is not listed above still gets a limit, the strictest one.
DEFAULT_LIMIT = Limit(per_address=10, per_email=5)


def honeypot_tripped(data: Mapping[str, Any]) -> bool:
    """Whether the hidden field was filled in, which only a program does."""
    return bool(str(data.get(HONEYPOT_FIELD, "") or "").strip())


def _digest(kind: str, value: str) -> str:
    return salted_hmac(f"reclaim.practice.protection.{kind}", value, algorithm="sha256").hexdigest()


def normalised_email(email: str) -> str:
    """The form an e-mail is counted in: `Sam@Example.org ` and `sam@example.org` are one."""
    return email.strip().lower()


def _count(key: str, window_seconds: int) -> int:
    """Add one try to the count under `key` and return the new count."""
    # add() starts a window only when there is none, so the window is fixed
    # from the first try; incr() may find the entry just expired.
    cache.add(key, 0, window_seconds)
    try:
        return int(cache.incr(key))
    except ValueError:
        cache.set(key, 1, window_seconds)
        return 1


def over_limit(request: HttpRequest, scope: str, email: str = "") -> bool:
    """Count a try for this visitor (and e-mail) on this form; True when over the limit.

    Both counts go up on every try, even one that is refused, so a program
    that keeps trying stays refused until it stops for the window.
    """
    limit = LIMITS.get(scope, DEFAULT_LIMIT)
    address = client_address(request) or "unknown"
    over = (
        _count(
            f"practice:limit:{scope}:address:{_digest('address', address)}", limit.window_seconds
        )
        > limit.per_address
    )
    if email.strip():
        key = f"practice:limit:{scope}:email:{_digest('email', normalised_email(email))}"
        over = _count(key, limit.window_seconds) > limit.per_email or over
    return over
