"""Invitation codes a practitioner reads out or writes down: `K7M-4QX`.

Six characters, in two groups of three, from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z,
5/S, 8/B, U/V), so a code copied from a note or heard over the phone is
typed right. Typed codes are forgiving: lower case, spaces and dashes are
all fine.

The database keeps a keyed digest (HMAC with the installation's secret
key) in place of the code. A plain hash of a short code could be reversed
by trying every code; the key makes a stolen database useless for that.
Guessing online is held back by a rate limit on the form and by the code's
lifetime (see views).
"""

from __future__ import annotations

import secrets

from django.utils.crypto import salted_hmac

ALPHABET = "ACDEFGHJKMNPQRTWXY34679"
LENGTH = 6  # Written as two groups of three.


def new_code() -> str:
    """A fresh code, as shown: "K7M-4QX"."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:3]}-{raw[3:]}"


def normalised(typed: str) -> str:
    """The code as typed, without spaces or dashes and in capitals: "k7m 4qx" -> "K7M4QX"."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())


def looks_like_code(typed: str) -> bool:
    code = normalised(typed)
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)


def digest(typed: str) -> str:
    """What the database keeps for a code (however it was typed)."""
    return salted_hmac("reclaim.sharing.codes", normalised(typed), algorithm="sha256").hexdigest()
