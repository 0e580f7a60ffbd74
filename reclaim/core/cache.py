"""Cache keys that say nothing about who or where.

allauth's sign-in limits are cache entries named after the client's address
and the login tried ("...:ip:198.51.100.7"). The cache is a database table by
default, or Redis, and a stolen copy of either would list who tried to sign in
from where. Every key is therefore replaced by a keyed hash of it (HMAC with
the secret key, since the space of addresses is small enough to try them all
against a plain hash). Nothing reads keys back, so nothing else changes.

With REDIS_URL set, the cache is Django's Redis cache with one change, below:
it keeps its clients instead of making one for every call.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends import redis
from django.utils.crypto import salted_hmac


def hashed_key(key: str, key_prefix: str, version: int) -> str:
    """Django's KEY_FUNCTION: `prefix:version:hash` instead of `prefix:version:key`."""
    digest = salted_hmac("reclaim.cache-key", key, algorithm="sha256").hexdigest()
    return f"{key_prefix}:{version}:{digest}"


class RedisCacheClient(redis.RedisCacheClient):
    """Django's Redis client holder, keeping its clients instead of making one per call.

    Django makes a new `redis.Redis` for every cache call, and making one
    copies its table of a few hundred reply handlers: on the signed-in shell
    (one session read a page) that cost more than the read itself. A client
    is safe to share between threads (its connection pool hands each call a
    connection of its own), so one for writing and one for reading are kept.
    REDIS_URL names one server, so both talk to it.
    """

    def __init__(self, servers: list[str], **options: Any) -> None:
        super().__init__(servers, **options)
        self._clients: dict[bool, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        client = self._clients.get(write)
        if client is None:
            client = self._clients.setdefault(write, super().get_client(key, write=write))
        return client


class RedisCache(redis.RedisCache):
    """Django's Redis cache (REDIS_URL), through the client holder above."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        # The attribute Django's Redis cache makes its client holder from.
        self._class = RedisCacheClient
