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


# These tests start from members who have no data key yet. The shared
# fixtures give members a display name, which is sealed (and so makes a
# data key) when the account is created; here they have none.
@pytest.fixture
def member(db, django_user_model):
    from conftest import _make_user

    return _make_user(django_user_model, "member")


@pytest.fixture
def other_member(db, django_user_model):
    from conftest import _make_user

    return _make_user(django_user_model, "other_member")
