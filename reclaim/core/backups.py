"""Backups of the whole database, and restoring them (`reclaim backup` / `reclaim restore`).

This lives in core, not in the vault: a backup holds every app's tables.
The vault's part is what a backup leaves out and what a restore does last:

- the master keys live outside the database, so no backup carries them;
- the deletion ledger lives outside the database too, and every restore
  replays it (`reclaim.vault.ledger.replay`), so a member who deleted their
  account after the backup was taken is forgotten again before the app
  serves anything.

A backup file is a gzipped tar holding `manifest.json` and the database: an
SQLite copy made with SQLite's online backup API (consistent while the app
writes), or a `pg_dump -Fc` archive. Each is checked after it is written.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, with fixed arguments.
import tarfile
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import load_backend
from django.utils import timezone

from reclaim.vault import crypto, ledger

FORMAT = 1
MANIFEST = "manifest.json"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
# Tables a fresh `reclaim migrate` fills by itself: rows there do not make a
# database "in use", so restoring over it needs no --force.
_FILLED_BY_MIGRATE = frozenset(
    {"django_migrations", "django_content_type", "auth_permission", "django_site", "reclaim_cache"}
)
_RESTORE_ALIAS = "reclaim_restore"


class BackupError(Exception):
    """Something an operator must fix, said in one sentence."""


@dataclass(frozen=True)
class Manifest:
    format: int
    database: str
    created: str
    # The newest applied migration of each app, e.g. {"journal": "0004_tags"}.
    schema: dict[str, str]


# --- Reading what a database holds -------------------------------------------


def applied_schema(alias: str = "default") -> dict[str, str]:
    """The latest migration applied to each app, by the order they were applied."""
    applied = MigrationRecorder(connections[alias]).applied_migrations()
    latest: dict[str, tuple[int, str]] = {}
    for (app, name), row in applied.items():
        if app not in latest or row.pk > latest[app][0]:
            latest[app] = (row.pk, name)
    return {app: name for app, (_, name) in sorted(latest.items())}


def unknown_migrations(schema: Mapping[str, str]) -> list[str]:
    """Migrations a backup has applied that this code does not have: it is newer."""
    known = MigrationLoader(None, ignore_no_migrations=True).graph.nodes
    return [f"{app}.{name}" for app, name in schema.items() if (app, name) not in known]


def _tables_in_use(alias: str) -> list[str]:
    connection = connections[alias]
    used = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in _FILLED_BY_MIGRATE:
                continue
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT 1 FROM {quoted} LIMIT 1")  # noqa: S608 - a table name we listed.
            if cursor.fetchone():
                used.append(table)
    return used


# --- Tools -------------------------------------------------------------------


def pg_env(settings: Mapping[str, Any]) -> dict[str, str]:
    """Where pg_dump and pg_restore connect: the app's own database settings.

    Passed in the environment, not on the command line, so the password is
    not shown to other accounts in the process list.
    """
    env = dict(os.environ)
    named = (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD"))
    for key, name in named:
        if settings.get(key):
            env[name] = str(settings[key])
    options = settings.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = str(options["sslmode"])
    return env


def _run(tool: str, args: list[str], settings: Mapping[str, Any]) -> str:
    found = shutil.which(tool)
    if found is None:
        raise BackupError(
            f"{tool} was not found on PATH: install PostgreSQL's client tools "
            "(the same major version as the server, or newer)."
        )
    done = subprocess.run(  # noqa: S603 - our own arguments, never a shell.
        [found, *args], env=pg_env(settings), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip() or done.returncode}")
    return done.stdout


def _check_copy(kind: str, dump: Path, settings: Mapping[str, Any]) -> None:
    if kind == "sqlite":
        copy = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
        try:
            (result,) = copy.execute("PRAGMA integrity_check").fetchone()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"The database in the backup is damaged: {error}.") from None
        finally:
            copy.close()
        if result != "ok":
            raise BackupError(f"The database in the backup is damaged: {result}.")
    else:
        if "TABLE DATA" not in _run("pg_restore", ["--list", str(dump)], settings):
            raise BackupError("The PostgreSQL archive in the backup holds no tables.")


def _sqlite_copy(source_path: str | Path, target_path: str | Path) -> None:
    """Copy one SQLite database into another with SQLite's online backup API."""
    source = sqlite3.connect(source_path, timeout=20)
    target = sqlite3.connect(target_path, timeout=20)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


# --- Backup ------------------------------------------------------------------


def _exclusive(path: Path) -> int:
    # Made 0600 from the first byte: a backup holds everything, sealed or not.
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)


def make_backup(path: Path) -> Manifest:
    """Write a checked backup of the configured database to `path` (a new file)."""
    if path.exists():
        raise BackupError(f"{path} already exists: choose a new name, so no backup is overwritten.")
    connection = connections["default"]
    kind = connection.vendor
    if kind not in DUMP_NAMES:
        raise BackupError(f"Backups of a {kind} database are not supported.")
    settings = connection.settings_dict
    manifest = Manifest(FORMAT, kind, timezone.now().isoformat(), applied_schema())
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".reclaim-backup-") as work:
        dump = Path(work) / DUMP_NAMES[kind]
        if kind == "sqlite":
            # One step under one read lock: a consistent copy, while the
            # app's writers carry on (WAL lets them).
            _sqlite_copy(settings["NAME"], dump)
        else:
            _run(
                "pg_dump",
                ["--format=custom", "--no-owner", "--no-privileges", "--file", str(dump)]
                + [str(settings["NAME"])],
                settings,
            )
        partial = Path(work) / "backup.tar.gz"
        with (
            os.fdopen(_exclusive(partial), "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz") as archive,
        ):
            data = json.dumps(asdict(manifest), indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mode = 0o600
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
        with opened(partial) as (written, written_dump):
            if written != manifest:
                raise BackupError("The backup's manifest did not read back as written.")
            _check_copy(kind, written_dump, settings)
        os.replace(partial, path)
    return manifest


# --- Restore -----------------------------------------------------------------


@contextmanager
def opened(path: Path) -> Iterator[tuple[Manifest, Path]]:
    """Unpack a backup into a private temporary folder: its manifest and database file."""
    with tempfile.TemporaryDirectory(prefix="reclaim-restore-") as work:
        try:
            with tarfile.open(path, mode="r:gz") as archive:
                member = archive.extractfile(MANIFEST)
                if member is None:
                    raise KeyError(MANIFEST)
                manifest = Manifest(**json.loads(member.read()))
                name = DUMP_NAMES[manifest.database]
                archive.extract(name, work, filter="data")
        except (OSError, KeyError, TypeError, ValueError, tarfile.TarError):
            raise BackupError(f"{path} is not a Reclaim backup, or it is damaged.") from None
        yield manifest, Path(work) / name


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    forgotten: int
    # Master keys the restored data keys need that this installation lacks.
    missing_keys: list[str]


@contextmanager
def target_database(into: str | None) -> Iterator[str]:
    """The connection alias to restore into: the app's database, or another one by name.

    Another database gets a connection of its own for this thread only, made
    from the app's settings with another name; it is closed and dropped after.
    """
    if not into:
        yield "default"
        return
    settings = {**connections["default"].settings_dict, "NAME": into}
    connections[_RESTORE_ALIAS] = load_backend(settings["ENGINE"]).DatabaseWrapper(
        settings, _RESTORE_ALIAS
    )
    try:
        yield _RESTORE_ALIAS
    finally:
        connections[_RESTORE_ALIAS].close()
        del connections[_RESTORE_ALIAS]


def _migrate(alias: str) -> None:
    """Bring a restored database up to this code's schema (an older backup), if needed."""
    executor = MigrationExecutor(connections[alias])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", database=alias, interactive=False, verbosity=0)


def restore_backup(path: Path, *, force: bool = False, into: str | None = None) -> Restored:
    """Put a backup back, bring it to this code's schema, then forget the deleted again.

    `into` restores into another database (PostgreSQL: a database name on the
    same server; SQLite: a file), e.g. to try a backup without touching the
    live one.
    """
    with opened(path) as (manifest, dump), target_database(into) as alias:
        connection = connections[alias]
        if manifest.format > FORMAT:
            raise BackupError("This backup was written by a newer Reclaim: restore it with that.")
        if manifest.database != connection.vendor:
            raise BackupError(
                f"This backup is of a {manifest.database} database, and this Reclaim "
                f"uses {connection.vendor}."
            )
        newer = unknown_migrations(manifest.schema)
        if newer:
            raise BackupError(
                "This backup was made by a newer Reclaim (it has "
                f"{', '.join(newer)}, which this one does not know): restore it with that "
                "version or a later one."
            )
        # A damaged ledger must stop the restore before anything is replaced.
        ledger.deletions()
        settings = connection.settings_dict
        _check_copy(manifest.database, dump, settings)
        in_use = _tables_in_use(alias)
        if in_use and not force:
            raise BackupError(
                f"The database is not empty ({len(in_use)} tables hold rows, e.g. {in_use[0]}): "
                "restoring would replace everything in it. Add --force if that is what you want."
            )
        if manifest.database == "sqlite":
            connection.close()
            # Page by page into the live file, so its WAL and any other
            # open connection see the restored database, not a stale one.
            _sqlite_copy(dump, settings["NAME"])
        else:
            _empty_postgres(alias)
            connection.close()
            _run(
                "pg_restore",
                ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
                + ["--dbname", str(settings["NAME"]), str(dump)],
                settings,
            )
        # Keys first, while the vault's table is as the backup had it: if
        # anything after this fails, the deleted members' words are noise already.
        keys_gone = ledger.replay(alias, accounts=False)
        _migrate(alias)
        forgotten = len(keys_gone | ledger.replay(alias))
        missing = crypto.missing_master_keys(alias)
        with connection.cursor() as cursor:
            # A forgotten key must be in no file the database keeps: SQLite
            # overwrites deleted rows (secure_delete) but the old page waits
            # in the main file until the write-ahead log is folded in;
            # PostgreSQL keeps a deleted row until its table is rewritten.
            if manifest.database == "sqlite":
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            else:
                cursor.execute("VACUUM FULL vault_datakey")
    return Restored(manifest, forgotten, missing)


def _empty_postgres(alias: str) -> None:
    connection = connections[alias]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
