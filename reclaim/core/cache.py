"""Cache keys that say nothing about who or where.

allauth's sign-in limits are cache entries named after the client's address
and the login tried ("...:ip:198.51.100.7"). The cache is a database table by
default, or Redis, and a stolen copy of either would list who tried to sign in
from where. Every key is therefore replaced by a keyed hash of it (HMAC with
the secret key, since the space of addresses is small enough to try them all
against a plain hash). Nothing reads keys back, so nothing else changes.
"""

from __future__ import annotations

from django.utils.crypto import salted_hmac


def hashed_key(key: str, key_prefix: str, version: int) -> str:
    """Django's KEY_FUNCTION: `prefix:version:hash` instead of `prefix:version:key`."""
    digest = salted_hmac("reclaim.cache-key", key, algorithm="sha256").hexdigest()
    return f"{key_prefix}:{version}:{digest}"
