"""Sealed attributes on models.

``body = Sealed()`` on a model stores its value in the ``body_sealed`` binary
column, sealed with the owner's data key and bound to the row. Reading
``entry.body`` opens it (once per instance); a failure raises VaultError.
Models that use it need ``owner_id`` and a primary key known before saving
(a UUID default).

AES-GCM keeps the length of what it seals. For a short JSON value whose
length itself says something (``{"mood":10}`` is one byte longer than
``{"mood":9}``), ``Sealed("json", pad_to=n)`` pads the plaintext with spaces
to at least ``n`` bytes; JSON ignores the trailing spaces when it is read.
"""

from __future__ import annotations

import json
from typing import Any

from . import crypto


class Sealed(property):
    """A property (so Model(...) accepts it as a keyword) backed by a sealed column."""

    def __init__(self, kind: str = "text", *, pad_to: int = 0) -> None:
        if kind not in ("text", "json"):
            raise ValueError("kind must be 'text' or 'json'")
        if pad_to and kind != "json":
            # Spaces after text would change it; after JSON they are ignored.
            raise ValueError("only JSON values can be padded")
        self.kind = kind
        self.pad_to = pad_to
        super().__init__()

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.column = f"{name}_sealed"

    def _where(self, obj: Any) -> dict[str, Any]:
        return {
            "label": obj._meta.label_lower,
            "field": self.name,
            "owner_id": obj.owner_id,
            "row_id": obj.pk,
        }

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        cache = obj.__dict__.setdefault("_opened", {})
        if self.name not in cache:
            blob = getattr(obj, self.column)
            if blob is None:
                value: Any = "" if self.kind == "text" else None
            else:
                raw = crypto.open_sealed(blob, **self._where(obj))
                value = raw.decode() if self.kind == "text" else json.loads(raw)
            cache[self.name] = value
        return cache[self.name]

    def __set__(self, obj: Any, value: Any) -> None:
        if value is None:
            setattr(obj, self.column, None)
        else:
            raw = value.encode() if self.kind == "text" else crypto.dumps(value)
            raw = raw.ljust(self.pad_to, b" ")
            setattr(obj, self.column, crypto.seal(raw, **self._where(obj)))
        obj.__dict__.setdefault("_opened", {})[self.name] = value
