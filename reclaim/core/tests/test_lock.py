"""Locking the app: only the member's own page can ask, and the sign-in page says why."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django.urls import reverse

from reclaim.testing import html

LOCKED = "We locked the app after a quiet while"
KEPT = "Anything you were writing is kept as a draft."


def _guarded(member) -> Client:
    """A signed-in browser whose forms must carry a CSRF token, as a real one's do."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    return client


def _token(client: Client) -> str:
    (token,) = html.values(
        html.one(client.get(reverse("accounts:settings")), "#lock-form"), "csrfmiddlewaretoken"
    )
    return token


def _signed_in(client: Client) -> bool:
    return client.get(reverse("accounts:settings")).status_code == 200


def test_a_link_to_lock_does_not_sign_the_member_out(member):
    client = _guarded(member)
    assert client.get(reverse("core:lock")).status_code == 405
    assert _signed_in(client)


def test_another_site_cannot_post_a_lock(member):
    client = _guarded(member)
    assert client.post(reverse("core:lock")).status_code == 403
    assert _signed_in(client)


def test_the_page_locks_with_its_token_and_the_sign_in_page_says_why(member):
    client = _guarded(member)
    response = client.post(reverse("core:lock"), HTTP_X_CSRFTOKEN=_token(client))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    page = client.get(response["Location"]).content.decode()
    assert LOCKED in page
    assert KEPT in page
    assert not _signed_in(client)


def test_every_signed_in_page_carries_the_lock_form(member_client):
    lock = html.one(member_client.get(reverse("accounts:settings")), "#lock-form")
    assert (lock["method"], lock["action"]) == ("post", reverse("core:lock"))


def _go_quiet(client: Client, member) -> None:
    member.autolock_minutes = 1
    member.save(update_fields=["autolock_minutes"])
    session = client.session
    session["reclaim_last_seen"] = int(time.time()) - 600
    session.save()


def test_the_message_survives_an_autosave_that_the_server_locked_first(member):
    """The page's last autosave arrives after the server's idle limit: the
    server keeps the words and ends the session, then the page locks."""
    from reclaim.journal.models import Draft

    client = _guarded(member)
    token = _token(client)
    _go_quiet(client, member)
    autosave = client.post(
        reverse("journal:draft"),
        {"title": "", "body": "words on their way"},
        HTTP_X_CSRFTOKEN=token,
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert autosave.status_code == 302
    assert Draft.objects.filter(owner=member).exists()
    # The background answer is never shown, so it carries no message...
    assert "messages" not in autosave.cookies
    # ...the page's own lock says it, once.
    locked = client.post(reverse("core:lock"), HTTP_X_CSRFTOKEN=token)
    page = client.get(locked["Location"]).content.decode()
    assert page.count(LOCKED) == 1
    assert KEPT in page


def test_the_lock_itself_is_never_sent_back_to_after_signing_in(member):
    client = _guarded(member)
    token = _token(client)
    _go_quiet(client, member)
    response = client.post(reverse("core:lock"), HTTP_X_CSRFTOKEN=token)
    assert response["Location"] == reverse("account_login")


def test_a_heartbeat_after_the_idle_limit_ends_the_session_quietly(member):
    client = _guarded(member)
    token = _token(client)
    _go_quiet(client, member)
    response = client.post(
        reverse("core:still_here"), HTTP_X_CSRFTOKEN=token, HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 302
    assert "messages" not in response.cookies
    assert not _signed_in(client)


@pytest.mark.parametrize("name", ["core:home", "core:health"])
def test_head_answers_like_get_without_a_body(client, db, name):
    got = client.get(reverse(name))
    head = client.head(reverse(name))
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == got["Content-Type"]
