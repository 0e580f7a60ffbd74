"""Invitation tokens: made at random, kept only as a digest, checked by digest.

The token itself exists in three places only: the operator's screen (once),
the e-mail to the invited person, and the link they open. The database keeps
its SHA-256 digest, so someone who reads a copy of the database still cannot
accept an invitation.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.urls import reverse

# Enough randomness that guessing a live token is hopeless (256 bits).
TOKEN_BYTES = 32
# The longest an operator may choose: an open link is a standing door.
MOST_DAYS = 30


def new_token() -> str:
    """A fresh random token for an invitation link."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest(token: str) -> str:
    """What the database keeps in place of the token."""
    return hashlib.sha256(token.encode()).hexdigest()


def lifetime(days: int | None = None) -> timedelta:
    """How long a new invitation stays open: `days`, else the installation's setting."""
    chosen = days if days is not None else settings.RECLAIM_INVITE_DAYS
    return timedelta(days=max(1, min(chosen, MOST_DAYS)))


def link_for(token: str, base: str = "") -> str:
    """The full address the invited person opens.

    `base` is the address the operator is using (the page's own host); the
    e-mail and the command line have no page, so they use RECLAIM_SITE_URL.
    """
    return (base or settings.RECLAIM_SITE_URL).rstrip("/") + path_for(token)


def path_for(token: str) -> str:
    return reverse("invitation:accept", args=[token])
