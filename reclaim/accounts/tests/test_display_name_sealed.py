"""The name a member asked us to call them is sealed with their key; e-mail stays plain."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from reclaim.accounts.actions import do_set_display_name
from reclaim.accounts.models import User
from reclaim.testing import html
from reclaim.vault import crypto
from reclaim.vault.fields import NotSealed, open_row


def _raw_user(pk: int) -> dict[str, object]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_user WHERE id = %s", [pk])
        columns = [column[0] for column in cursor.description]
        return dict(zip(columns, cursor.fetchone(), strict=True))


def _as_bytes(row: dict[str, object]) -> bytes:
    return b"|".join(
        bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
        for value in row.values()
    )


def test_a_new_accounts_name_is_sealed_once_it_has_an_id(db):
    user = User.objects.create_user(username="wren", password="x" * 20)
    do_set_display_name(user, "Wrenna")
    row = _raw_user(user.pk)
    assert "display_name" not in row
    assert bytes(row["display_name_sealed"])[0] == crypto.VERSION
    assert b"Wrenna" not in _as_bytes(row)
    assert open_row(User.objects.get(pk=user.pk)).display_name == "Wrenna"


def test_the_name_is_bound_to_its_member(member, other_member):
    stolen = _raw_user(member.pk)["display_name_sealed"]
    User.objects.filter(pk=other_member.pk).update(display_name_sealed=stolen)
    with pytest.raises(crypto.VaultError):
        _ = open_row(User.objects.get(pk=other_member.pk)).display_name


def test_no_name_is_stored_as_nothing_and_reads_as_empty(db):
    user = User.objects.create_user(username="quiet", password="x" * 20)
    assert _raw_user(user.pk)["display_name_sealed"] is None
    assert open_row(User.objects.get(pk=user.pk)).name_to_show == "quiet"


def test_the_member_changes_their_name_in_settings_and_is_greeted_by_it(member, member_client):
    response = member_client.post(
        reverse("accounts:settings"),
        {
            "display_name": "Robin B",
            "country": "GB",
            "timezone": "Europe/London",
            "language": "en",
            "autolock_minutes": "15",
        },
    )
    assert response.status_code == 302
    assert b"Robin B" not in _as_bytes(_raw_user(member.pk))
    member.refresh_from_db()
    open_row(member)
    open_row(member)
    assert member.display_name == "Robin B"
    assert ", Robin B." in member_client.get(reverse("progress:today")).content.decode()
    assert html.values(member_client.get(reverse("accounts:settings")), "display_name") == [
        "Robin B"
    ]


def test_the_email_address_stays_plain_for_signing_in(member):
    assert b"member@example.org" in _as_bytes(_raw_user(member.pk))


@pytest.mark.django_db(transaction=True)
def test_the_migration_seals_existing_names_and_drops_the_column(member):
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", "0002_coarsen_device_list")])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_user SET display_name = %s WHERE id = %s", ["Rob", member.pk]
        )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    row = _raw_user(member.pk)
    assert "display_name" not in row
    assert b"Rob|" not in _as_bytes(row)
    assert open_row(User.objects.get(pk=member.pk)).display_name == "Rob"


def test_a_name_given_before_the_account_exists_is_refused_not_stored_plain(db):
    with pytest.raises(NotSealed):
        User.objects.create_user(username="wren", password="x" * 20, display_name="Wrenna")
    assert not User.objects.filter(username="wren").exists()
