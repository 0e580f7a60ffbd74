"""Master keys: where they come from and how they are written down.

The format is a comma- or newline-separated list of ``id:base64key`` pairs,
newest first. The id is a short name (letters, digits, dash) so a wrapped
data key can say which master key wrapped it, and an operator can rotate by
putting a new key in front and running ``reclaim rotate-keys``.
"""

from __future__ import annotations

import base64
import os
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_ID = re.compile(r"^[A-Za-z0-9-]{1,32}$")
_TO_STANDARD = str.maketrans("-_", "+/")


@dataclass(frozen=True)
class MasterKey:
    key_id: str
    key: bytes


def parse_master_keys(text: str, source: str) -> list[MasterKey]:
    keys: list[MasterKey] = []
    for raw in re.split(r"[,\n]", text):
        item = raw.strip()
        if not item or item.startswith("#"):
            continue
        key_id, sep, b64 = item.partition(":")
        if not sep or not _ID.match(key_id):
            raise ImproperlyConfigured(f"{source}: each key must look like 'id:base64key'.")
        try:
            # Strict, so a typo is reported rather than silently skipped; both
            # alphabets, because `openssl rand -base64 32` writes "+" and "/".
            padded = b64.translate(_TO_STANDARD) + "=" * (-len(b64) % 4)
            key = base64.b64decode(padded, validate=True)
        except ValueError:
            raise ImproperlyConfigured(f"{source}: key {key_id!r} is not base64.") from None
        if len(key) != 32:
            raise ImproperlyConfigured(f"{source}: key {key_id!r} must be 32 bytes.")
        keys.append(MasterKey(key_id, key))
    if not keys:
        raise ImproperlyConfigured(f"{source}: no master key found.")
    ids = [k.key_id for k in keys]
    if len(set(ids)) != len(ids):
        raise ImproperlyConfigured(f"{source}: two master keys share an id.")
    return keys


def new_key_line(key_id: str | None = None) -> str:
    key_id = key_id or f"k{secrets.token_hex(4)}"
    return f"{key_id}:{base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip('=')}"


def _keys_file() -> Path:
    return Path(settings.RECLAIM_MASTER_KEYS_FILE)


def ensure_keys_file() -> None:
    """Create the embedded default's key file (mode 0600) on first run."""
    if settings.RECLAIM_MASTER_KEYS:
        return
    path = _keys_file()
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(new_key_line() + "\n")


def prepend_key_to_file() -> MasterKey:
    """Put a fresh master key in front of the key file (for rotation)."""
    if settings.RECLAIM_MASTER_KEYS:
        raise ImproperlyConfigured(
            "RECLAIM_MASTER_KEYS is set: add the new key in front of that list yourself."
        )
    ensure_keys_file()
    path = _keys_file()
    line = new_key_line()
    tmp = path.with_suffix(".tmp")
    # A leftover temporary file would keep its old (maybe wider) mode under
    # O_TRUNC, so start from a new file that is 0600 from its first byte.
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(line + "\n" + path.read_text())
    tmp.replace(path)
    master_keys.cache_clear()
    return parse_master_keys(line, "new key")[0]


@lru_cache(maxsize=1)
def master_keys() -> tuple[MasterKey, ...]:
    """All master keys, newest first."""
    if settings.RECLAIM_MASTER_KEYS:
        return tuple(parse_master_keys(settings.RECLAIM_MASTER_KEYS, "RECLAIM_MASTER_KEYS"))
    ensure_keys_file()
    path = _keys_file()
    return tuple(parse_master_keys(path.read_text(), f"RECLAIM_MASTER_KEYS_FILE ({path})"))


def newest_master_key() -> MasterKey:
    return master_keys()[0]


def master_key(key_id: str) -> MasterKey:
    for key in master_keys():
        if key.key_id == key_id:
            return key
    raise ImproperlyConfigured(
        f"Master key {key_id!r} is needed but not configured: it may have been removed "
        "before `reclaim rotate-keys` re-wrapped the data keys it protects."
    )
