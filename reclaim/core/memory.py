"""Pictures drawn from a member's data, kept a short while in this process's memory.

A page like Today draws charts from the member's sealed check-ins; drawing
them means opening every check-in of two months. They change only when the
member writes, so a picture is kept under a key made of a digest of the
sealed rows it was drawn from: a save, an edit or a deletion changes the
rows, hence the key, and the next view draws anew. Nothing needs clearing
when the member writes, in this process or any other.

Only this process's memory holds them (the "process" cache in settings),
for a few minutes at most: never Redis or the database cache, which other
machines or a stolen backup could read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import caches

CACHE = "process"

T = TypeVar("T")


def digest(parts: Iterable[bytes | memoryview | str | None]) -> str:
    """A short digest of what a picture is drawn from; any change to a part changes it."""
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = b"" if part is None else part.encode() if isinstance(part, str) else bytes(part)
        # Each part's length first, so moving a byte from one part to the next
        # cannot give the same digest.
        hashed.update(len(data).to_bytes(8, "big"))
        hashed.update(data)
    return hashed.hexdigest()


def remembered(key: str, draw: Callable[[], T]) -> T:
    """The picture kept under `key` in this process, or `draw()`'s, kept from now on."""
    cache = caches[CACHE]
    found = cache.get(key)
    if found is not None:
        return found
    drawn = draw()
    cache.set(key, drawn)
    return drawn
