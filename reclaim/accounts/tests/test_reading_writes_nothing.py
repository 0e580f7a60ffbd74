"""Reading the app writes nothing: a member moving from page to page costs no
database write, and "last active" in the list of places signed in still moves
every few minutes.

allauth's activity tracking wrote the member's row in that list on every
request; on SQLite that one write lock made every member's page wait for
every other's.
"""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from reclaim.accounts.sessions import ACTIVITY_EVERY, ACTIVITY_KEY
from reclaim.testing import html

PHONE = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.I)

# Twenty different member pages, as someone looking back over their week would open them.
PAGES = [
    reverse("progress:today"),
    reverse("checkins:history"),
    reverse("journal:list"),
    reverse("journal:list") + "?q=morning",
    reverse("progress:progress"),
    reverse("assessments:index"),
    reverse("toolkit:index"),
    reverse("learn:index"),
    reverse("checkins:new"),
    reverse("journal:new"),
    reverse("journal:prompts"),
    reverse("safety:help"),
    reverse("safety:plan"),
    reverse("accounts:settings"),
    reverse("usersessions_list"),
    reverse("progress:today"),
    reverse("journal:list") + "?q=sleep",
    reverse("checkins:history"),
    reverse("progress:progress"),
    reverse("journal:list"),
]


@pytest.fixture
def member_with_data(member):
    from reclaim.assessments.demo import seed_results
    from reclaim.checkins.demo import seed_checkins
    from reclaim.journal.demo import seed_journal
    from reclaim.vault.crypto import key_cache

    with key_cache():
        seed_checkins(member, 30)
        seed_journal(member, 30, count=20)
        seed_results(member, {"pcl5": 2, "phq9": 2}, days=30)
    return member


def _signed_in() -> Client:
    client = Client(HTTP_USER_AGENT=PHONE)
    response = client.post(reverse("account_login"), {"login": "member", "password": PASSWORD})
    assert response.status_code == 302
    return client


def _writes(queries: list[dict]) -> list[str]:
    return [q["sql"] for q in queries if WRITE.match(q["sql"])]


def _row() -> UserSession:
    return UserSession.objects.get(user__username="member")


def test_twenty_pages_in_a_row_write_at_most_once(member_with_data):
    client = _signed_in()
    with CaptureQueriesContext(connection) as seen:
        for url in PAGES:
            assert client.get(url).status_code == 200, url
    # The one allowed: the auto-lock notes, every 30 seconds, that the member is here.
    assert len(_writes(seen.captured_queries)) <= 1, _writes(seen.captured_queries)


def test_the_list_still_shows_this_browser_after_signing_in(member_with_data):
    client = _signed_in()
    client.get(reverse("progress:today"))
    page = html.words(html.main(client.get(reverse("usersessions_list"))))
    assert "Firefox on Android This device" in page
    assert "last active now" in page


def test_last_active_moves_once_the_interval_has_passed(member_with_data):
    client = _signed_in()
    an_hour_ago = timezone.now() - timedelta(hours=1)
    UserSession.objects.filter(pk=_row().pk).update(last_seen_at=an_hour_ago)
    session = client.session
    session[ACTIVITY_KEY] = int(time.time() - ACTIVITY_EVERY.total_seconds() - 1)
    session.save()

    client.get(reverse("journal:list"), REMOTE_ADDR="198.51.100.23")

    row = _row()
    assert row.last_seen_at > timezone.now() - timedelta(minutes=1)
    # As allauth did: where the browser is now, kept only as its network.
    assert row.ip == "198.51.100.0"
    page = html.words(html.main(client.get(reverse("usersessions_list"))))
    assert "last active now" in page


def test_last_active_stays_put_within_the_interval(member_with_data):
    client = _signed_in()
    an_hour_ago = timezone.now() - timedelta(hours=1)
    UserSession.objects.filter(pk=_row().pk).update(last_seen_at=an_hour_ago)

    client.get(reverse("journal:list"))

    assert _row().last_seen_at == an_hour_ago
    page = html.words(html.main(client.get(reverse("usersessions_list"))))
    assert "last active an hour ago" in page


def test_a_browser_without_a_row_gets_one_on_its_next_page(member, member_client):
    # A session that began before this middleware, or without allauth's sign-in.
    assert not UserSession.objects.exists()
    member_client.get(reverse("progress:today"), HTTP_USER_AGENT=PHONE, REMOTE_ADDR="203.0.113.9")
    row = _row()
    assert row.session_key == member_client.session.session_key
    assert (row.ip, row.user_agent) == ("203.0.113.0", "Firefox on Android")


def test_a_signed_out_visitor_writes_no_row(member, client):
    client.get(reverse("core:home"))
    client.get(reverse("account_login"))
    assert not UserSession.objects.exists()
