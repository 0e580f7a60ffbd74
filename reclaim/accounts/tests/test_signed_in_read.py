"""The signed-in member and their session, read on every request without the
ORM's query building, still behave exactly as Django's own reads: a session
that ran out or was ended signs the browser out, and so does an account that
was switched off or deleted."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from reclaim.accounts.queries import signed_in_user
from reclaim.accounts.session_store import SessionStore

TODAY = reverse("progress:today")


def _sent_to_sign_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_member_stays_signed_in_from_page_to_page(member_client, member):
    assert member_client.get(TODAY).status_code == 200
    assert member_client.get(TODAY).context["user"] == member


def test_a_switched_off_account_is_signed_out_at_its_next_page(member_client, member):
    assert member_client.get(TODAY).status_code == 200
    type(member).objects.filter(pk=member.pk).update(is_active=False)
    assert _sent_to_sign_in(member_client.get(TODAY))


def test_a_deleted_account_is_signed_out_at_its_next_page(member_client, member):
    assert member_client.get(TODAY).status_code == 200
    type(member).objects.filter(pk=member.pk).delete()
    assert _sent_to_sign_in(member_client.get(TODAY))


def test_the_read_finds_the_whole_account_row(member):
    found = signed_in_user(str(member.pk))
    assert found == member
    assert found.username == member.username
    assert found.last_login == member.last_login
    assert found.date_joined == member.date_joined
    assert found.is_active is True


def test_an_id_that_names_no_account_finds_none(member):
    assert signed_in_user(str(member.pk + 1000)) is None
    assert signed_in_user("not a number") is None


def test_a_database_session_reads_back_until_it_runs_out(db):
    store = SessionStore()
    store[SESSION_KEY] = "42"
    store["note"] = "kept"
    store.create()
    key = store.session_key

    assert SessionStore(key).load() == {SESSION_KEY: "42", "note": "kept"}

    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    ran_out = SessionStore(key)
    assert ran_out.load() == {}
    # A key that names no live session is not taken over: saving makes a new one.
    assert ran_out.session_key is None


def test_an_unknown_session_key_reads_as_a_fresh_session(db):
    store = SessionStore("nosuchsessionkeyatallxxxxxxxxxxx")
    assert store.load() == {}
    assert store.session_key is None
