"""A practitioner's private notes on a client: theirs alone, sealed, never shown to the client."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection as db
from django.test import Client
from django.urls import reverse

from conftest import _make_user, _with_totp
from reclaim.practice.models import AuditEntry
from reclaim.sharing.actions import NOTE_LIMIT
from reclaim.sharing.models import PrivateNote
from reclaim.testing.html import words

from .makers import connect

NOTE = "Ask about the sleep diary; the anniversary falls next week"


@pytest.fixture
def connected(member, practitioner):
    return connect(member, practitioner)


def _page(connection) -> str:
    return reverse("practice:client", args=[connection.pk])


def _keep(client: Client, connection, text: str = NOTE):
    return client.post(_page(connection), {"text": text})


def test_a_practitioner_keeps_a_note_and_reads_it_on_the_clients_page(
    connected, practitioner_client
):
    response = _keep(practitioner_client, connected)
    assert response.status_code == 302
    page = words(practitioner_client.get(_page(connected)))
    assert NOTE in page
    assert "Your note is kept. Only you can read it." in page


def test_the_note_is_sealed_and_the_audit_line_holds_no_words(connected, practitioner_client):
    _keep(practitioner_client, connected)
    note = PrivateNote.objects.get()
    with db.cursor() as cursor:
        cursor.execute("SELECT text_sealed FROM sharing_privatenote")
        (raw,) = cursor.fetchone()
    assert b"anniversary" not in bytes(raw)
    line = AuditEntry.objects.get(action="client_note.create")
    assert line.target_id == str(note.pk)
    assert "anniversary" not in f"{line.target_label} {line.target_type}"


def test_the_client_never_sees_the_note_on_their_sharing_pages(
    connected, practitioner_client, member_client
):
    _keep(practitioner_client, connected)
    for url in (reverse("sharing:index"), reverse("sharing:connection", args=[connected.pk])):
        assert NOTE not in words(member_client.get(url))


def test_an_empty_note_is_refused_kindly_and_a_long_one_keeps_every_word(
    connected, practitioner_client
):
    empty = practitioner_client.post(_page(connected), {"text": "   "})
    assert empty.status_code == 200
    assert "The note is empty." in words(empty)
    long_text = "a" * (NOTE_LIMIT + 1)
    too_long = _keep(practitioner_client, connected, long_text)
    assert too_long.status_code == 200
    assert "Could you shorten it" in words(too_long)
    assert long_text in too_long.content.decode()
    assert not PrivateNote.objects.exists()


def test_a_practitioner_deletes_their_note(connected, practitioner_client):
    _keep(practitioner_client, connected)
    note = PrivateNote.objects.get()
    url = reverse("practice:client_note_delete", args=[connected.pk, note.pk])
    response = practitioner_client.post(url)
    assert response.status_code == 302
    assert not PrivateNote.objects.exists()
    assert NOTE not in words(practitioner_client.get(_page(connected)))
    assert practitioner_client.post(url).status_code == 404


@pytest.fixture
def stranger(db, django_user_model):
    return _with_totp(
        _make_user(django_user_model, "stranger", role="practitioner", onboarded=None)
    )


def test_another_practitioner_can_neither_keep_read_nor_delete_a_note(
    connected, practitioner_client, stranger
):
    _keep(practitioner_client, connected)
    note = PrivateNote.objects.get()
    other = Client()
    other.force_login(stranger)
    assert _keep(other, connected, "mine now").status_code == 404
    assert other.get(_page(connected)).status_code == 404
    delete = reverse("practice:client_note_delete", args=[connected.pk, note.pk])
    assert other.post(delete).status_code == 404
    assert PrivateNote.objects.count() == 1
    # Even with their own client, another practitioner's note id is nobody's.
    own = connect(_make_user_for(stranger), stranger)
    assert (
        other.post(reverse("practice:client_note_delete", args=[own.pk, note.pk])).status_code
        == 404
    )
    assert PrivateNote.objects.count() == 1


def _make_user_for(stranger):
    from django.contrib.auth import get_user_model

    return _make_user(get_user_model(), f"client-of-{stranger.username}")


def test_a_member_gets_404_on_the_note_pages(connected, practitioner_client, member_client):
    _keep(practitioner_client, connected)
    note = PrivateNote.objects.get()
    assert member_client.get(_page(connected)).status_code == 404
    delete = reverse("practice:client_note_delete", args=[connected.pk, note.pk])
    assert member_client.post(delete).status_code == 404
    assert member_client.post(_page(connected), {"text": "x"}).status_code == 404
    assert PrivateNote.objects.count() == 1


def test_once_the_client_disconnects_the_notes_are_out_of_reach(
    connected, practitioner_client, member_client
):
    _keep(practitioner_client, connected)
    member_client.post(reverse("sharing:disconnect", args=[connected.pk]))
    assert practitioner_client.get(_page(connected)).status_code == 404
    note = PrivateNote.objects.get()
    delete = reverse("practice:client_note_delete", args=[connected.pk, note.pk])
    assert practitioner_client.post(delete).status_code == 404
    assert practitioner_client.post(_page(connected), {"text": "x"}).status_code == 404


def test_a_made_up_note_id_is_404(connected, practitioner_client):
    url = reverse("practice:client_note_delete", args=[connected.pk, uuid.uuid4()])
    assert practitioner_client.post(url).status_code == 404
