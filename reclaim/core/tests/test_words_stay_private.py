"""What a member writes never reaches the database file, the logs or a URL.

The words go in through the real pages, as a member would send them.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.urls import reverse

from reclaim.checkins.models import CheckIn
from reclaim.journal.models import Entry

SCALES = {"mood": 3, "anger": 6, "anxiety": 7, "sleep": 4, "self_worth": 3}


def _sqlite_bytes() -> bytes:
    path = Path(connection.settings_dict["NAME"])
    return b"".join(
        candidate.read_bytes()
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-journal"))
        if candidate.exists()
    )


def _postgres_rows_holding(phrase: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM checkins_checkin"
            "        WHERE encode(note_sealed, 'escape') LIKE %s)"
            "     + (SELECT count(*) FROM journal_entry"
            "        WHERE encode(body_sealed, 'escape') LIKE %s"
            "           OR encode(title_sealed, 'escape') LIKE %s)",
            [f"%{phrase}%"] * 3,
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_note_and_an_entry_never_appear_on_disk_in_logs_or_urls(member_client, member, caplog):
    phrase = f"juniper-harbour-{uuid.uuid4().hex}"
    caplog.set_level(logging.DEBUG)
    urls: list[str] = []

    response = member_client.post(
        reverse("checkins:new"),
        {**SCALES, "note": f"Tonight {phrase}", "new_triggers": phrase[:40]},
    )
    urls.append(response["Location"])
    response = member_client.post(
        reverse("journal:new"),
        {"title": phrase, "body": f"I wrote {phrase} down.", "tags": phrase[:30]},
    )
    urls.append(response["Location"])
    response = member_client.post(reverse("journal:draft"), {"title": "", "body": phrase})
    urls.extend(member_client.get(url).request["PATH_INFO"] for url in list(urls))
    search = member_client.get(reverse("journal:list"), {"q": phrase.split("-")[0]})
    assert search.status_code == 200

    # The words are really kept, and read back for their owner.
    assert CheckIn.objects.get(owner=member).note == f"Tonight {phrase}"
    assert Entry.objects.get(owner=member).body == f"I wrote {phrase} down."

    assert all(phrase not in url for url in urls)
    logged = "\n".join(record.getMessage() + str(record.__dict__) for record in caplog.records)
    assert logged, "the requests above should have been logged"
    assert phrase not in logged
    if connection.vendor == "sqlite":
        on_disk = _sqlite_bytes()
        assert b"member@example.org" in on_disk  # the check can see plain columns
        assert phrase.encode() not in on_disk
    else:
        assert _postgres_rows_holding(phrase) == 0


def _raw_risk_event_rows(owner_id: int) -> tuple[list[str], list[tuple]]:
    """What a thief with the database but not the master key reads: the raw row values."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM safety_riskevent WHERE owner_id = %s", [owner_id])
        columns = [column[0] for column in cursor.description]
        return columns, cursor.fetchall()


@pytest.mark.django_db(transaction=True)
def test_a_moment_of_risk_cannot_be_read_or_dated_without_the_master_key(
    member_client, member, settings
):
    from django.utils import timezone

    from reclaim.safety.models import RiskEvent
    from reclaim.vault import keys
    from reclaim.vault.crypto import VaultError

    before = timezone.now()
    member_client.post(
        reverse("journal:new"),
        {"title": "", "body": "I have the pills saved up and tonight I end my life.", "tags": ""},
    )
    event = RiskEvent.objects.get(owner=member)
    member_client.post(reverse("safety:dismiss"), {"event": str(event.pk), "next": "/"})
    event = RiskEvent.objects.get(owner=member)
    assert event.acknowledged is not None
    page = member_client.get(reverse("safety:record")).content.decode()
    assert "A moment when you may have been in danger" in page  # the member reads it

    columns, rows = _raw_risk_event_rows(member.pk)
    # Only the owner and a random id are plain; nothing says when, how serious, or where.
    assert {c for c in columns if not c.endswith("_sealed")} == {"id", "owner_id"}
    assert len(rows) == 1
    raw = b"".join(
        bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
        for value in rows[0]
    )
    for word in (b"urgent", b"elevated", b"journal", b"suicide", b"pills", b"created"):
        assert word not in raw
    for moment in {before, event.created, event.acknowledged}:
        for text in (moment.isoformat(), f"{moment:%Y-%m-%d %H:%M}", f"{moment:%Y-%m-%dT%H:%M}"):
            assert text.encode() not in raw

    # With another master key (a thief's guess), the member's data key does not
    # unwrap, so the moment does not open: not its level, source nor time.
    settings.RECLAIM_MASTER_KEYS = keys.new_key_line("thief")
    keys.master_keys.cache_clear()
    try:
        stolen = RiskEvent.objects.get(pk=event.pk)
        for name in ("level", "source", "created", "acknowledged"):
            with pytest.raises((VaultError, ImproperlyConfigured)):
                getattr(stolen, name)
    finally:
        keys.master_keys.cache_clear()
