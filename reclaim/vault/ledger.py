"""The deletion ledger: which members asked to be forgotten, and when.

A deleted member's data key is destroyed in the database, but a backup taken
the day before still holds it, wrapped by a master key the operator still
has. So every deletion is also written here, in a file that lives outside
the database (and so outside every database backup), and every restore
replays it: each member named here loses their data key and account again
before the app serves a single page.

One line per deleted member: their id and the moment of deletion, nothing
else, so the file says nothing about anyone still here. It is only ever
appended to, with mode 0600.

Ids can come back: restoring an old backup rewinds the database's counters,
so a new member may later get the id of someone deleted after that backup.
The moment on each line tells them apart: only a key (and an account) made
before the deletion is forgotten, and a newcomer's were made after it.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .models import DataKey

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Deletion:
    owner_id: int
    when: datetime


class LedgerError(Exception):
    """The ledger cannot be read: a restore must not go on as if nobody was deleted."""


def ledger_path() -> Path:
    return Path(settings.RECLAIM_DELETION_LEDGER)


def record(owner_id: int) -> None:
    """Append one deletion to the ledger and make sure it reached the disk."""
    path = ledger_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = f"{int(owner_id)} {timezone.now().isoformat()}\n"
    # O_APPEND: several processes may delete at once, and each line is written
    # in one call, so lines never interleave; the mode holds from the first byte.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def record_or_warn(owner_id: int) -> None:
    """Record a deletion that has already happened; if the file cannot be written, say so loudly.

    The member's key is gone by now, so they must not see an error page: the
    operator is told instead, with the line to add by hand.
    """
    try:
        record(owner_id)
    except OSError:
        logger.exception(
            "The deletion ledger %s could not be written. Member %s is deleted, but an older "
            "backup would bring their key back: add the line '%s %s' to it by hand.",
            ledger_path(),
            owner_id,
            owner_id,
            timezone.now().isoformat(),
        )


def deletions() -> list[Deletion]:
    """Every line of the ledger; no ledger yet means nobody was deleted."""
    path = ledger_path()
    if not path.exists():
        return []
    found = []
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            owner, when = raw.split()
            found.append(Deletion(int(owner), datetime.fromisoformat(when)))
        except ValueError:
            raise LedgerError(f"Line {number} of the deletion ledger {path} is damaged.") from None
    return found


def replay(using: str = "default", *, accounts: bool = True) -> set[int]:
    """Forget again every member in the ledger; return the ids found and forgotten.

    All the data keys go first, each deletion in its own transaction: once
    a key is gone that member's words are noise, even if removing their
    account and rows (`accounts`) fails half way or is left for later.
    """
    entries = deletions()
    passes: list[tuple[QuerySet[Any], str, str]] = [
        (DataKey.objects.using(using), "owner_id", "created")
    ]
    if accounts:
        passes.append((get_user_model().objects.using(using), "pk", "date_joined"))
    found: set[int] = set()
    for rows, owner, made in passes:
        for deletion in entries:
            # Only what was made before the deletion: see "Ids can come back" above.
            mine = {owner: deletion.owner_id, f"{made}__lte": deletion.when}
            with transaction.atomic(using=using):
                removed, _ = rows.filter(**mine).delete()
            if removed:
                found.add(deletion.owner_id)
    return found
