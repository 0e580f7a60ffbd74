"""What a member writes never reaches the database file, the logs or a URL.

The words go in through the real pages, as a member would send them.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

import pytest
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
