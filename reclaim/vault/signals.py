"""Keep the cached master keys in step with the settings they come from."""

from __future__ import annotations

from typing import Any

from . import keys

KEY_SETTINGS = frozenset({"RECLAIM_MASTER_KEYS", "RECLAIM_MASTER_KEYS_FILE"})


def forget_cached_master_keys(*, setting: str, **kwargs: Any) -> None:
    """Drop the parsed master keys when a test (or override_settings) changes them.

    Without this, a changed setting would be ignored until the process
    restarts, and a test about rotation would quietly use the old keys.
    """
    if setting in KEY_SETTINGS:
        keys.master_keys.cache_clear()
