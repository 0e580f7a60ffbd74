"""The Redis cache (REDIS_URL) keeps its clients instead of making one for every call.

Making a Redis client copies its table of reply handlers, which cost the
signed-in shell more than reading its session (docs/benchmarks.md). Nothing
here connects: a client only connects when it sends a command.
"""

from __future__ import annotations

from unittest import mock

import redis

from reclaim.core.cache import RedisCache


def test_every_cache_call_reuses_the_same_client():
    cache = RedisCache("redis://127.0.0.1:1/0", {"KEY_PREFIX": "reclaim"})
    sent: list[tuple] = []
    with (
        mock.patch.object(
            redis.Redis, "__init__", autospec=True, side_effect=redis.Redis.__init__
        ) as made,
        mock.patch.object(
            redis.Redis,
            "execute_command",
            autospec=True,
            side_effect=lambda client, *args, **options: sent.append((client, args)),
        ),
    ):
        for number in range(5):
            cache.get("session")
            cache.set("session", number)
    assert len(sent) == 10
    # One client to read with and one to write with, both to the one server.
    assert made.call_count == 2
    assert len({id(client) for client, _args in sent}) == 2
