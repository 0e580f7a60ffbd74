"""`reclaim backup` and `reclaim restore`, on whichever database the settings give.

Each restore goes into a scratch database (a file beside the test database on
SQLite, `<test database>_restore` on PostgreSQL), so the database the tests
run in is never replaced.
"""

from __future__ import annotations

import io
import json
import subprocess  # noqa: S404 - pg_dump, to read what PostgreSQL holds.
import tarfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections, transaction

from reclaim.core.backups import MANIFEST, pg_env, target_database
from reclaim.journal.actions import do_create_entry
from reclaim.journal.models import Entry
from reclaim.vault.crypto import destroy_member_keys
from reclaim.vault.fields import open_row
from reclaim.vault.models import DataKey

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _own_ledger(settings, tmp_path):
    # Each test keeps its own deletion ledger, so one test's deletions are
    # never replayed into another's restore.
    settings.RECLAIM_DELETION_LEDGER = str(tmp_path / "deletions.ledger")


def _postgres_admin() -> psycopg.Connection:
    settings = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[str]:
    """Where a restore goes: a new SQLite file, or a new PostgreSQL database."""
    if connection.vendor == "sqlite":
        yield str(tmp_path / "restored.sqlite3")
        return
    name = f"{connection.settings_dict['NAME']}_restore"
    with _postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with _postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _write(member, words: str) -> Entry:
    return do_create_entry(member, {"title": "", "body": words, "tags": ""})


def _backup(path: Path) -> str:
    out = io.StringIO()
    call_command("backup", str(path), stdout=out)
    return out.getvalue()


def _restore(path: Path, into: str, *extra: str) -> str:
    out = io.StringIO()
    call_command("restore", str(path), f"--into={into}", *extra, stdout=out)
    return out.getvalue()


def test_it_restores_a_backup_taken_while_a_member_keeps_writing(member, tmp_path, scratch):
    first_pk = _write(member, "Before the backup, line 0").pk
    before = {first_pk} | {_write(member, f"Before the backup, line {n}").pk for n in (1, 2)}
    stop = threading.Event()
    written: list[uuid.UUID] = []
    failures: list[BaseException] = []

    def keep_writing() -> None:
        try:
            while not stop.is_set():
                written.append(_write(member, f"Written during the backup {len(written)}").pk)
        except BaseException as error:  # noqa: BLE001 - reported to the test below.
            failures.append(error)
        finally:
            connections.close_all()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        said = _backup(tmp_path / "night.reclaim")
    finally:
        stop.set()
        writer.join()
    assert not failures
    assert written, "the writer should have saved entries while the backup ran"
    assert "master keys are not in it" in said

    _restore(tmp_path / "night.reclaim", scratch)

    live = {e.pk: bytes(e.body_sealed) for e in Entry.objects.filter(owner=member)}
    with target_database(scratch) as alias:
        restored = {
            e.pk: bytes(e.body_sealed) for e in Entry.objects.using(alias).filter(owner=member)
        }
        restored_key = DataKey.objects.using(alias).get(owner_id=member.pk)
    # Everything written before the backup is there, and every entry is whole:
    # byte for byte what the app wrote, under the same data key, so it opens.
    assert before <= restored.keys() <= live.keys()
    assert all(restored[pk] == live[pk] for pk in restored)
    assert bytes(restored_key.wrapped) == bytes(DataKey.objects.get(owner=member).wrapped)
    first = open_row(Entry.objects.get(pk=first_pk), "body")
    assert first.body == "Before the backup, line 0"


def test_the_backup_file_is_private_and_holds_only_the_database_and_its_manifest(member, tmp_path):
    _write(member, "Something only I should read")
    path = tmp_path / "night.reclaim"
    _backup(path)

    assert path.stat().st_mode & 0o777 == 0o600
    with tarfile.open(path) as archive:
        names = archive.getnames()
        manifest = json.loads(archive.extractfile(MANIFEST).read())
    assert names[0] == MANIFEST and len(names) == 2
    assert manifest["database"] == connection.vendor
    assert manifest["schema"]["journal"]
    assert manifest["schema"]["vault"] == "0001_initial"


def test_it_never_overwrites_an_existing_backup(member, tmp_path):
    path = tmp_path / "night.reclaim"
    path.write_text("the only good copy")
    with pytest.raises(CommandError, match="already exists"):
        _backup(path)
    assert path.read_text() == "the only good copy"


def test_it_refuses_to_restore_over_data_unless_told(member, tmp_path, scratch):
    _write(member, "The first night")
    path = tmp_path / "night.reclaim"
    _backup(path)
    _restore(path, scratch)

    with pytest.raises(CommandError, match="--force"):
        _restore(path, scratch)
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(path))

    said = _restore(path, scratch, "--force")
    assert "Restored the backup" in said
    with target_database(scratch) as alias:
        assert Entry.objects.using(alias).filter(owner=member).count() == 1


def test_it_refuses_a_backup_made_by_a_newer_reclaim(member, tmp_path, scratch):
    path = tmp_path / "night.reclaim"
    _backup(path)
    newer = tmp_path / "newer.reclaim"
    with tarfile.open(path) as old, tarfile.open(newer, "w:gz") as new:
        for info in old.getmembers():
            data = old.extractfile(info).read()
            if info.name == MANIFEST:
                manifest = json.loads(data)
                manifest["schema"]["journal"] = "0999_from_the_future"
                data = json.dumps(manifest).encode()
                info.size = len(data)
            new.addfile(info, io.BytesIO(data))

    with pytest.raises(CommandError, match=r"newer Reclaim .*journal\.0999_from_the_future"):
        _restore(newer, scratch)
    with target_database(scratch) as alias, connections[alias].cursor() as cursor:
        assert connections[alias].introspection.table_names(cursor) == []


def test_it_says_so_when_the_file_is_not_a_backup(db, tmp_path, scratch):
    path = tmp_path / "holiday.jpg"
    path.write_bytes(b"\xff\xd8 not a backup at all")
    with pytest.raises(CommandError, match="not a Reclaim backup"):
        _restore(path, scratch)


def test_a_member_deleted_after_the_backup_stays_deleted_when_it_is_restored(
    member, other_member, tmp_path, scratch
):
    phrase = f"the-letter-i-never-sent-{uuid.uuid4().hex}"
    entry = _write(member, f"Tonight I wrote {phrase}")
    _write(other_member, "An ordinary day")
    old_key = bytes(DataKey.objects.get(owner=member).wrapped)
    path = tmp_path / "before-deletion.reclaim"
    _backup(path)

    # What account deletion does: the key first, then every row.
    member_id = member.pk
    with transaction.atomic():
        destroy_member_keys(member_id)
        member.delete()

    said = _restore(path, scratch)
    assert "One member deleted since this backup was forgotten again" in said

    with target_database(scratch) as alias:
        db = connections[alias]
        # The account and the key are gone; the other member is untouched.
        assert not DataKey.objects.using(alias).filter(owner_id=member_id).exists()
        assert not Entry.objects.using(alias).filter(pk=entry.pk).exists()
        assert Entry.objects.using(alias).filter(owner_id=other_member.pk).count() == 1
        with db.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM accounts_user WHERE id = %s OR username = %s",
                [member_id, "member"],
            )
            assert cursor.fetchone()[0] == 0
        raw = _everything_stored(db)
    # Nothing the operator holds can open the words: the wrapped key is in no
    # byte of the restored database, and the words never were.
    assert old_key not in raw
    assert old_key.hex().encode() not in raw
    assert phrase.encode() not in raw


def _everything_stored(db) -> bytes:
    """Every byte of the restored database an operator could read without the app."""
    if db.vendor == "sqlite":
        db.close()
        base = Path(db.settings_dict["NAME"])
        return b"".join(p.read_bytes() for p in (base, Path(f"{base}-wal")) if p.exists())
    # PostgreSQL: a plain dump of it (binary columns are written as hex).
    dumped = subprocess.run(  # noqa: S603, S607 - a fixed command in a test.
        ["pg_dump", "--format=plain", "--dbname", db.settings_dict["NAME"]],
        env=pg_env(db.settings_dict),
        capture_output=True,
        check=True,
    ).stdout
    return dumped


def test_the_reclaim_command_backs_up_and_explains_a_refusal_in_one_sentence(
    member, tmp_path, capsys
):
    from reclaim import cli

    path = tmp_path / "night.reclaim"
    assert cli.main(["backup", str(path)]) == 0
    assert "master keys are not in it" in capsys.readouterr().out
    assert cli.main(["backup", str(path)]) == 1
    said = capsys.readouterr().err
    assert "already exists" in said and "Traceback" not in said
    assert cli.main(["restore", str(path)]) == 1
    assert "--force" in capsys.readouterr().err


def test_it_says_what_to_install_when_the_postgresql_tools_are_missing(db, monkeypatch):
    from reclaim.core import backups

    monkeypatch.setattr(backups.shutil, "which", lambda tool: None)
    with pytest.raises(backups.BackupError, match="pg_dump was not found on PATH"):
        backups._run("pg_dump", ["--version"], {})


def test_it_warns_when_the_restored_keys_need_a_master_key_this_installation_lacks(
    member, tmp_path, scratch, settings
):
    from reclaim.vault import keys

    wrapped_by = keys.newest_master_key().key_id
    path = tmp_path / "night.reclaim"
    _backup(path)
    settings.RECLAIM_MASTER_KEYS = keys.new_key_line("elsewhere")

    warned = io.StringIO()
    call_command("restore", str(path), f"--into={scratch}", stdout=io.StringIO(), stderr=warned)
    assert wrapped_by in warned.getvalue()
    assert "cannot be read" in warned.getvalue()


def test_a_damaged_deletion_ledger_stops_the_restore_before_anything_is_replaced(
    member, tmp_path, scratch, settings
):
    path = tmp_path / "night.reclaim"
    _backup(path)
    Path(settings.RECLAIM_DELETION_LEDGER).write_text("this is not a ledger line\n")

    with pytest.raises(CommandError, match="Line 1 of the deletion ledger"):
        _restore(path, scratch)
    with target_database(scratch) as alias, connections[alias].cursor() as cursor:
        assert connections[alias].introspection.table_names(cursor) == []
