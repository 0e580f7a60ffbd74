"""Helpers for the vault's tests: master-key lines and raw column reads."""

from __future__ import annotations

import base64
import secrets

import pytest
from django.db import connection


def key_line(key_id: str) -> str:
    return f"{key_id}:{base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()}"


@pytest.fixture
def old_key() -> str:
    return key_line("old")


@pytest.fixture
def new_key() -> str:
    return key_line("new")


def raw_column(table: str, column: str, pk: object) -> bytes:
    """The bytes the database holds, read around the ORM."""
    value = pk.hex if connection.vendor == "sqlite" and hasattr(pk, "hex") else pk
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [value])  # noqa: S608
        (blob,) = cursor.fetchone()
    return bytes(blob)
