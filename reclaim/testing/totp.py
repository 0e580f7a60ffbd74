"""The code an authenticator app would show now, for tests that sign in with two steps."""

from __future__ import annotations

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

# A code taken closer than this to the end of its period could expire before
# it is posted, on a busy machine (it did once, under CI).
MARGIN_SECONDS = 5


def code_now(secret: str) -> str:
    """The six-digit code for `secret`, taken early enough in its period to still be good."""
    period = mfa_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < MARGIN_SECONDS:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))
