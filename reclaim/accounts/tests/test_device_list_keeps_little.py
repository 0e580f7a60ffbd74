"""The list of places a member is signed in keeps a browser label and a network,
never the full address or browser string, and only while the session lives."""

from __future__ import annotations

import io
import json
import logging
from datetime import timedelta
from importlib import import_module

import pytest
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from reclaim.accounts.sessions import coarse_address, forget_ended_sessions, network_name
from reclaim.cli import _gunicorn_command
from reclaim.core.logs import JsonFormatter, NoPersonalContent

PHONE = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
HOME = "203.0.113.57"


def _sign_in(client: Client, ip: str = HOME, agent: str = PHONE) -> None:
    response = client.post(
        reverse("account_login"),
        {"login": "member", "password": PASSWORD},
        HTTP_USER_AGENT=agent,
        REMOTE_ADDR=ip,
    )
    assert response.status_code == 302


def _raw_rows() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM usersessions_usersession")
        return cursor.fetchall()


@pytest.mark.parametrize(
    ("ip", "network"),
    [
        ("203.0.113.57", "203.0.113.0"),
        ("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::"),
        ("::ffff:198.51.100.9", "198.51.100.0"),
        ("not an address", "0.0.0.0"),
        ("", "0.0.0.0"),
    ],
)
def test_an_address_is_kept_only_as_its_network(ip, network):
    assert coarse_address(ip) == network


def test_the_list_names_the_start_of_the_network():
    assert network_name("203.0.113.0") == "203.0.113"
    assert network_name("2001:db8:85a3::") == "2001:db8:85a3"
    assert network_name("0.0.0.0") == ""


def test_signing_in_keeps_only_a_label_and_a_network(member, client):
    _sign_in(client)
    client.get(reverse("progress:today"), HTTP_USER_AGENT=PHONE, REMOTE_ADDR=HOME)
    session = UserSession.objects.get(user=member)
    assert (session.ip, session.user_agent) == ("203.0.113.0", "Firefox on Android")
    raw = repr(_raw_rows())
    assert HOME not in raw
    assert "Gecko" not in raw and "rv:128" not in raw


def test_the_list_shows_the_label_and_the_start_of_the_network(member, client):
    _sign_in(client)
    page = client.get(
        reverse("usersessions_list"), HTTP_USER_AGENT=PHONE, REMOTE_ADDR=HOME
    ).content.decode()
    assert "Firefox on Android" in page
    assert "Internet address starting 203.0.113." in page
    assert HOME not in page
    assert "Gecko" not in page


def test_a_session_that_ran_out_leaves_no_row(member, client):
    _sign_in(client)
    other = Client()
    _sign_in(other, ip="198.51.100.4", agent="curl/8.0")
    assert UserSession.objects.filter(user=member).count() == 2
    if settings.SESSION_ENGINE == "reclaim.accounts.session_store":
        # Expired but still in the table, as database sessions stay until cleared.
        Session.objects.filter(session_key=other.session.session_key).update(
            expire_date=timezone.now() - timedelta(minutes=1)
        )
    else:
        # The cache (Redis) lets an expired session go by itself.
        import_module(settings.SESSION_ENGINE).SessionStore(other.session.session_key).delete()
    assert forget_ended_sessions() == 1
    assert [s.session_key for s in UserSession.objects.all()] == [client.session.session_key]
    assert not Session.objects.filter(expire_date__lt=timezone.now()).exists()


def test_signing_out_removes_the_row(member, client):
    _sign_in(client)
    client.post(reverse("account_logout"))
    assert not UserSession.objects.exists()


def test_request_logs_carry_no_address_or_browser(member, client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(NoPersonalContent())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        _sign_in(client)
        client.get(reverse("progress:today"), HTTP_USER_AGENT=PHONE, REMOTE_ADDR=HOME)
        client.get("/no-such-page/", HTTP_USER_AGENT=PHONE, REMOTE_ADDR=HOME)
    finally:
        root.removeHandler(handler)
    logged = stream.getvalue()
    assert [json.loads(line)["event"] for line in logged.splitlines()], "nothing was logged"
    for secret in (HOME, "203.0.113", "Gecko", "Android"):
        assert secret not in logged


def test_the_web_servers_access_log_carries_no_address_or_browser():
    command = _gunicorn_command("127.0.0.1:8000", 1, 1)
    log_format = command[command.index("--access-logformat") + 1]
    # gunicorn's atoms: h remote address, a user agent, {header}i any header.
    for atom in ("%(h)s", "%(a)s", "i)s", "%(r)s", "%(U)s", "%(q)s"):
        assert atom not in log_format


@pytest.mark.django_db(transaction=True)
def test_the_migration_reduces_rows_written_before_it(member):
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", "0001_initial")])
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO usersessions_usersession"
            " (user_id, created_at, ip, last_seen_at, session_key, user_agent, data)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [member.pk, timezone.now(), HOME, timezone.now(), "k" * 32, PHONE, "{}"],
        )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert HOME not in repr(_raw_rows()) and "Gecko" not in repr(_raw_rows())
    session = UserSession.objects.get()
    assert (session.ip, session.user_agent) == ("203.0.113.0", "Firefox on Android")
