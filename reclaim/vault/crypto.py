"""Sealing and opening member data with AES-GCM.

A sealed field is ``version (1 byte) | data key id (8 bytes) | nonce (12) |
ciphertext``. The associated data names the model, the field, the owner and
the row, so a ciphertext copied to another row, field or member does not
open. Nothing here ever falls back to plaintext: a failure raises.
"""

from __future__ import annotations

import base64
import contextlib
import contextvars
import json
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import keys, ledger
from .models import DataKey

VERSION = 1
_HEADER = 1 + 8 + 12
# A sealed column as the database hands it back: bytes, or a memoryview on PostgreSQL.
Blob = bytes | memoryview


class VaultError(Exception):
    """A sealed value could not be opened: wrong key, wrong place or tampered."""


# Unwrapped data keys live only for one request (or one job, or one command):
# the middleware opens a fresh cache and throws it away afterwards. A key read
# beside the member's row waits there as its row, unwrapped when first needed.
_key_cache: contextvars.ContextVar[dict[int, tuple[int, bytes] | DataKey] | None] = (
    contextvars.ContextVar("reclaim_vault_keys", default=None)
)


@contextlib.contextmanager
def key_cache() -> Iterator[None]:
    """Unwrap each member's data key at most once inside this block.

    Reentrant: inside an open cache (a request, a job) it keeps that one, so
    code can ask for a cache without knowing whether its caller has one.
    """
    if _key_cache.get() is not None:
        yield
        return
    token = _key_cache.set({})
    try:
        yield
    finally:
        _key_cache.reset(token)


def _wrap(owner_id: int, data_key: bytes, master: keys.MasterKey) -> bytes:
    nonce = os.urandom(12)
    aad = f"datakey|{owner_id}".encode()
    return nonce + AESGCM(master.key).encrypt(nonce, data_key, aad)


def _unwrap(row: DataKey) -> bytes:
    master = keys.master_key(row.master_key_id)
    blob = bytes(row.wrapped)
    aad = f"datakey|{row.owner_id}".encode()
    try:
        return AESGCM(master.key).decrypt(blob[:12], blob[12:], aad)
    except InvalidTag:
        raise VaultError(f"The data key of member {row.owner_id} does not unwrap.") from None


def _data_key(owner_id: int, create: bool) -> tuple[int, bytes]:
    cache = _key_cache.get()
    kept = cache.get(owner_id) if cache is not None else None
    if isinstance(kept, tuple):
        return kept
    # Read beside the member's row earlier in this request (keep_data_key), or now.
    row = kept or DataKey.objects.filter(owner_id=owner_id).first()
    if row is None:
        if not create:
            raise VaultError(f"Member {owner_id} has no data key.")
        master = keys.newest_master_key()
        try:
            with transaction.atomic():
                row = DataKey.objects.create(
                    owner_id=owner_id,
                    master_key_id=master.key_id,
                    wrapped=_wrap(owner_id, AESGCM.generate_key(bit_length=256), master),
                )
        except IntegrityError:
            # Another process created it a moment ago: use theirs.
            row = DataKey.objects.get(owner_id=owner_id)
    found = (row.pk, _unwrap(row))
    if cache is not None:
        cache[owner_id] = found
    return found


def preload_keys(owner_ids: Iterable[int]) -> None:
    """Unwrap these members' data keys into the open key cache, in one query.

    For a page that opens a few values of many members at once (a
    practitioner's client list), so its queries do not grow with the number
    of members. Without an open `key_cache` there is nowhere to keep them,
    and nothing happens.
    """
    cache = _key_cache.get()
    if cache is None:
        return
    wanted = {owner_id for owner_id in owner_ids if owner_id not in cache}
    if wanted:
        for row in DataKey.objects.filter(owner_id__in=wanted):
            cache[row.owner_id] = (row.pk, _unwrap(row))


# The names a member's data key columns take when read beside another row:
# the key's id, its master key's id and the wrapped key, in that order.
KEY_COLUMNS = ("vault_key_id", "vault_key_master", "vault_key_wrapped")


def data_key_join(quote: Callable[[str], str], member_id: str) -> tuple[str, str]:
    """SQL to read a member's wrapped data key beside a row that names the member.

    Gives the columns to add to the SELECT (named as KEY_COLUMNS, all NULL
    for a member without a key yet) and the LEFT JOIN
    to add after its FROM; `member_id` is that row's column holding the
    member's id, already quoted. Hand what it reads to `keep_data_key`.
    """

    def column(name: str) -> str:
        field: Any = DataKey._meta.get_field(name)
        return "k." + quote(str(field.column))

    columns = ", ".join(
        f"{column(name)} AS {alias}"
        for name, alias in zip(("id", "master_key_id", "wrapped"), KEY_COLUMNS, strict=True)
    )
    join = f"LEFT JOIN {quote(DataKey._meta.db_table)} k ON {column('owner')} = {member_id}"
    return columns, join


def keep_data_key(
    owner_id: int, key_id: int, master_key_id: str, wrapped: bytes | memoryview
) -> None:
    """Keep a data key read beside another row in the open key cache, still wrapped.

    The signed-in member's row is read together with their wrapped data key
    (accounts.queries.signed_in_user), so the first sealed value a page opens
    needs no query of its own. It is unwrapped only when a page first opens
    something with it; a page that opens nothing does no key work at all.
    Without an open cache nothing is kept.
    """
    cache = _key_cache.get()
    if cache is None or owner_id in cache:
        return
    # Unsaved: the row as read, held until a sealed value needs its key.
    cache[owner_id] = DataKey(
        pk=key_id, owner_id=owner_id, master_key_id=master_key_id, wrapped=wrapped
    )


def forget_data_key(owner_id: int) -> None:
    """Delete a member's data key: everything sealed with it becomes noise."""
    DataKey.objects.filter(owner_id=owner_id).delete()
    cache = _key_cache.get()
    if cache is not None:
        cache.pop(owner_id, None)


def destroy_member_keys(owner_id: int) -> None:
    """Forget a member for good: their data key now, and in every later restore.

    Call it inside the deletion's transaction. The ledger line is written
    once that transaction commits, so a deletion that fails and rolls back
    never marks a living member to be forgotten by the next restore.
    """
    forget_data_key(owner_id)
    transaction.on_commit(lambda: ledger.record_or_warn(owner_id))


def missing_master_keys(using: str = "default") -> list[str]:
    """Ids of master keys that wrap some data key but are not configured (say, after a restore)."""
    configured = {key.key_id for key in keys.master_keys()}
    used = DataKey.objects.using(using).values_list("master_key_id", flat=True).distinct()
    return sorted(set(used) - configured)


def _aad(label: str, field: str, owner_id: int, row_id: object) -> bytes:
    return f"{label}|{field}|{owner_id}|{row_id}".encode()


def seal(plaintext: bytes, *, label: str, field: str, owner_id: int, row_id: object) -> bytes:
    if owner_id is None or row_id is None:
        raise VaultError("A sealed field needs its owner and row id before it is set.")
    key_id, key = _data_key(owner_id, create=True)
    nonce = os.urandom(12)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, _aad(label, field, owner_id, row_id))
    return bytes([VERSION]) + key_id.to_bytes(8, "big") + nonce + ciphertext


def _open_with(
    aes: AESGCM,
    key_id: int,
    blob: Blob | None,
    label: str,
    field: str,
    owner_id: int,
    row_id: object,
) -> bytes:
    if blob is None:
        raise VaultError(f"{label}.{field} has no sealed value to open.")
    blob = bytes(blob)
    if len(blob) < _HEADER + 16 or blob[0] != VERSION:
        raise VaultError(f"{label}.{field} is not a sealed value of a known version.")
    if int.from_bytes(blob[1:9], "big") != key_id:
        raise VaultError(f"{label}.{field} was sealed with another member's key.")
    try:
        return aes.decrypt(blob[9:21], blob[21:], _aad(label, field, owner_id, row_id))
    except InvalidTag:
        raise VaultError(f"{label}.{field} does not open here (tampered or moved).") from None


def open_sealed(blob: bytes, *, label: str, field: str, owner_id: int, row_id: object) -> bytes:
    blob = bytes(blob)
    if len(blob) < _HEADER + 16 or blob[0] != VERSION:
        raise VaultError(f"{label}.{field} is not a sealed value of a known version.")
    key_id, key = _data_key(owner_id, create=False)
    return _open_with(AESGCM(key), key_id, blob, label, field, owner_id, row_id)


def open_many(
    items: Iterable[tuple[object, Blob | None]], *, label: str, field: str, owner_id: int
) -> Iterator[bytes]:
    """Open one field of many rows of one member: `(row_id, blob)` in, plaintexts out.

    The same checks as `open_sealed`, with the key fetched and the cipher
    set up once, for charts that open a year or more of small values.
    """
    aes: AESGCM | None = None
    key_id = 0
    for row_id, blob in items:
        if aes is None:
            key_id, key = _data_key(owner_id, create=False)
            aes = AESGCM(key)
        yield _open_with(aes, key_id, blob, label, field, owner_id, row_id)


# --- Values with no member key (two-factor secrets) -------------------------


def seal_system(text: str, purpose: str) -> str:
    master = keys.newest_master_key()
    nonce = os.urandom(12)
    ct = AESGCM(master.key).encrypt(nonce, text.encode(), f"system|{purpose}".encode())
    return f"v{VERSION}:{master.key_id}:{base64.urlsafe_b64encode(nonce + ct).decode()}"


def open_system(token: str, purpose: str) -> str:
    version, key_id, b64 = (token.split(":", 2) + ["", ""])[:3]
    if version != f"v{VERSION}" or not b64:
        raise VaultError(f"A {purpose} secret is not sealed.")
    master = keys.master_key(key_id)
    try:
        blob = base64.urlsafe_b64decode(b64)
        plain = AESGCM(master.key).decrypt(blob[:12], blob[12:], f"system|{purpose}".encode())
    except (InvalidTag, ValueError):
        # ValueError covers a mangled token (bad base64, a nonce cut short):
        # that is as unreadable as a wrong key, and must say so the same way.
        raise VaultError(f"A {purpose} secret does not open.") from None
    return plain.decode()


# --- Rotation ---------------------------------------------------------------


def rotate(batch: int = 500) -> dict[str, int]:
    """Re-wrap every data key and system secret under the newest master key."""
    newest = keys.newest_master_key()
    rewrapped = 0
    stale = DataKey.objects.exclude(master_key_id=newest.key_id).values_list("pk", flat=True)
    for pk in list(stale):
        with transaction.atomic():
            row = DataKey.objects.select_for_update().get(pk=pk)
            plain = _unwrap(row)
            row.wrapped = _wrap(row.owner_id, plain, newest)
            row.master_key_id = newest.key_id
            row.rotated = timezone.now()
            row.save(update_fields=["wrapped", "master_key_id", "rotated"])
            rewrapped += 1
    return {"data_keys": rewrapped, "system_secrets": _rotate_mfa(newest)}


def _rotate_mfa(newest: keys.MasterKey) -> int:
    from allauth.mfa.models import Authenticator

    count = 0
    for auth in Authenticator.objects.all().iterator():
        data: dict[str, Any] = dict(auth.data)
        changed = False
        for name in ("secret", "seed"):
            value = data.get(name)
            if isinstance(value, str) and not value.startswith(f"v{VERSION}:{newest.key_id}:"):
                data[name] = seal_system(open_system(value, "mfa"), "mfa")
                changed = True
        if changed:
            Authenticator.objects.filter(pk=auth.pk).update(data=data)
            count += 1
    return count


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
