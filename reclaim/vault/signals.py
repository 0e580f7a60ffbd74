"""Keep the cached master keys in step with the settings they come from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import keys
from .fields import NotSealed, sealed_fields

if TYPE_CHECKING:
    from django.db.models import Model

KEY_SETTINGS = frozenset({"RECLAIM_MASTER_KEYS", "RECLAIM_MASTER_KEYS_FILE"})


def forget_cached_master_keys(*, setting: str, **kwargs: Any) -> None:
    """Drop the parsed master keys when a test (or override_settings) changes them.

    Without this, a changed setting would be ignored until the process
    restarts, and a test about rotation would quietly use the old keys.
    """
    if setting in KEY_SETTINGS:
        keys.master_keys.cache_clear()


def refuse_unsealed(*, sender: type[Model], instance: Any, **kwargs: Any) -> None:
    """Stop a save that would write a row whose assigned words were never sealed.

    Saving never seals by itself (that would hide cryptography and a key
    lookup inside `save`); the action that assigned the value must call
    `fields.seal(row)` first, and forgetting it fails here, loudly.
    """
    for name, field in sealed_fields(sender).items():
        if field.is_waiting(instance):
            raise NotSealed(
                f"{sender._meta.label_lower}.{name} was assigned but not sealed: "
                "call vault.fields.seal(row) before saving it."
            )
