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

from conftest import PASSWORD
from reclaim.checkins.models import CheckIn
from reclaim.journal.models import Entry, SearchPart
from reclaim.vault.fields import NotOpened, open_row

# Self-worth is the heaviest, so the saved page points to a tool that exists.
SCALES = {"mood": 3, "anger": 6, "anxiety": 2, "sleep": 4, "self_worth": 1}


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
            "           OR encode(title_sealed, 'escape') LIKE %s)"
            "     + (SELECT count(*) FROM journal_searchpart"
            "        WHERE encode(words_sealed, 'escape') LIKE %s)",
            [f"%{phrase}%"] * 4,
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
    assert open_row(CheckIn.objects.get(owner=member)).note == f"Tonight {phrase}"
    assert open_row(Entry.objects.get(owner=member)).body == f"I wrote {phrase} down."
    # The search index holds every word of the entry, sealed like the entry.
    assert SearchPart.objects.filter(owner=member).count() > 1

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
    event = open_row(RiskEvent.objects.get(owner=member))
    member_client.post(reverse("safety:dismiss"), {"event": str(event.pk), "next": "/"})
    event = open_row(RiskEvent.objects.get(owner=member))
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
        with pytest.raises((VaultError, ImproperlyConfigured)):
            open_row(stolen)
        # Nothing opened, so nothing can be read from it either.
        for name in ("level", "source", "created", "acknowledged"):
            with pytest.raises(NotOpened):
                getattr(stolen, name)
    finally:
        keys.master_keys.cache_clear()


def _raw_rows(table: str, where: str, value: object) -> tuple[list[str], list[tuple]]:
    """A table's raw rows, as a thief with the database but not the master key reads them."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE {where} = %s", [value])  # noqa: S608
        return [column[0] for column in cursor.description], cursor.fetchall()


def _plain_columns(columns: list[str]) -> set[str]:
    return {column for column in columns if not column.endswith("_sealed")}


def _as_text(rows: list[tuple]) -> str:
    return repr(rows)


@pytest.mark.django_db(transaction=True)
def test_everything_a_member_enters_in_a_checkin_and_their_name_stay_sealed(client, member):
    """Every text and number of a check-in, the name and the sign-in address, stolen."""
    from reclaim.accounts.models import User

    phrase = f"heron-quay-{uuid.uuid4().hex[:12]}"
    own_trigger = f"kestrel {uuid.uuid4().hex[:8]}"
    name = f"Marisol {uuid.uuid4().hex[:6]}"
    address = "198.51.100.173"
    phone = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
    client.post(
        reverse("account_login"),
        {"login": "member", "password": PASSWORD},
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=phone,
    )
    scores = {"mood": 2, "anger": 9, "anxiety": 3, "sleep": 1, "self_worth": 0}
    response = client.post(
        reverse("checkins:new"),
        {
            **{key: str(value) for key, value in scores.items()},
            "triggers": ["Their phone"],
            "new_triggers": own_trigger,
            "note": f"Tonight {phrase}",
        },
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=phone,
    )
    assert response.status_code == 302
    client.post(
        reverse("accounts:settings"),
        {
            "display_name": name,
            "country": "GB",
            "timezone": "Europe/London",
            "language": "en",
            "autolock_minutes": "15",
        },
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=phone,
    )

    # The member reads all of it back.
    checkin = open_row(CheckIn.objects.get(owner=member))
    assert checkin.scale_values == scores
    assert checkin.triggers == ["Their phone", own_trigger]
    assert checkin.note == f"Tonight {phrase}"
    assert open_row(User.objects.get(pk=member.pk)).display_name == name

    # A check-in row holds its ids and dates in the clear, nothing it says.
    columns, rows = _raw_rows("checkins_checkin", "owner_id", member.pk)
    assert _plain_columns(columns) == {"id", "owner_id", "created", "day"}
    assert not set(scores) & set(columns)
    assert all(rows[0][columns.index(c)] is not None for c in ("scores_sealed", "note_sealed"))
    columns, rows = _raw_rows("checkins_owntrigger", "owner_id", member.pk)
    assert _plain_columns(columns) == {"id", "owner_id", "created"}

    # The member's row: no name; the e-mail address (for signing in) is there.
    columns, rows = _raw_rows("accounts_user", "id", member.pk)
    assert "display_name" not in columns
    assert name not in _as_text(rows)
    assert "member@example.org" in _as_text(rows)

    # The device list: a label and a network, not the address or the browser string.
    columns, rows = _raw_rows("usersessions_usersession", "user_id", member.pk)
    assert rows
    assert address not in _as_text(rows)
    assert "Gecko" not in _as_text(rows)
    assert {row[columns.index("ip")] for row in rows} == {"198.51.100.0"}

    words = (phrase, own_trigger, name, address)
    if connection.vendor == "sqlite":
        on_disk = _sqlite_bytes()
        assert b"member@example.org" in on_disk  # the check can see plain columns
        for word in words:
            assert word.encode() not in on_disk
    else:
        for table in ("checkins_checkin", "checkins_owntrigger", "accounts_user"):
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
                dump = _as_text(cursor.fetchall())
            for word in words:
                assert word not in dump


@pytest.mark.django_db(transaction=True)
def test_a_deleted_members_key_leaves_no_copy_in_the_database_file(member, member_client):
    """Deleting the data key must make the member's data noise, on disk too.

    SQLite leaves deleted rows readable in the file's free pages unless
    secure_delete is on; with the master key, a thief could unwrap a
    deleted member's key from there and open everything they wrote.
    """
    from reclaim.vault import crypto
    from reclaim.vault.models import DataKey

    member_client.post(reverse("journal:new"), {"title": "", "body": "Words.", "tags": ""})
    wrapped = bytes(DataKey.objects.get(owner=member).wrapped)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert wrapped in _sqlite_bytes()  # the check can see the key while it lives
    crypto.forget_data_key(member.pk)
    assert not DataKey.objects.filter(owner=member).exists()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert wrapped not in _sqlite_bytes()
