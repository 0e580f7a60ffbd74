"""The signed-in member and their session, read on every request without the
ORM's query building, still behave exactly as Django's own reads: a session
that ran out or was ended signs the browser out, and so does an account that
was switched off or deleted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from reclaim.accounts.queries import signed_in_user
from reclaim.accounts.session_store import SessionStore
from reclaim.journal.demo import seed_journal
from reclaim.journal.queries import recent_entries
from reclaim.vault.crypto import VaultError, key_cache
from reclaim.vault.models import DataKey

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


def test_a_page_opens_the_members_words_without_a_query_for_their_key(member_client, member):
    seed_journal(member, days=5, count=3)
    titles = [entry.title for entry in recent_entries(member)]
    with CaptureQueriesContext(connection) as queries:
        page = member_client.get(reverse("journal:list")).content.decode()
    assert titles and all(escape(title) in page for title in titles if title)
    # The key came with the member's row: no query of its own.
    key_table = DataKey._meta.db_table
    assert not [q["sql"] for q in queries if f'FROM "{key_table}"' in q["sql"]]
    assert [q["sql"] for q in queries if key_table in q["sql"]]


def test_a_key_that_does_not_unwrap_fails_only_where_something_sealed_is_opened(member):
    with key_cache():
        seed_journal(member, days=2, count=1)
    DataKey.objects.filter(owner=member).update(wrapped=b"\0" * 60)
    with key_cache():
        # The signed-in read keeps the key as read, unwrapping nothing yet ...
        assert signed_in_user(str(member.pk)) == member
        # ... and the read that needs the key fails loudly, as it always did.
        with pytest.raises(VaultError):
            recent_entries(member)


def test_the_member_read_carries_no_part_of_their_key(member):
    with key_cache():
        seed_journal(member, days=2, count=1)
        found = signed_in_user(str(member.pk))
    assert found == member
    assert not [name for name in vars(found) if "key" in name and name != "_state"]
