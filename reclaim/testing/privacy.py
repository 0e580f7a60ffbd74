"""Test helpers: is a phrase anywhere a thief with the database could read it?"""

from __future__ import annotations

from pathlib import Path

from django.db import connection


def _sqlite_bytes() -> bytes:
    path = Path(connection.settings_dict["NAME"])
    return b"".join(
        candidate.read_bytes()
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-journal"))
        if candidate.exists()
    )


def _as_bytes(value: object) -> bytes:
    if isinstance(value, bytes | memoryview):
        return bytes(value)
    return str(value).encode()


def database_holds(phrase: str) -> bool:
    """True when the phrase can be read in plain anywhere in the database.

    On SQLite the whole file (with its write-ahead log) is searched, so use
    it in tests marked `django_db(transaction=True)`, where rows really reach
    the file. On PostgreSQL every row of every table is read back raw.
    """
    needle = phrase.encode()
    if connection.vendor == "sqlite":
        return needle in _sqlite_bytes()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
            for row in cursor.fetchall():
                if any(needle in _as_bytes(value) for value in row if value is not None):
                    return True
    return False
