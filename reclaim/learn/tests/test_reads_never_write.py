"""Opening the Learn pages never writes to the database: only the buttons do."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reclaim.learn.actions import do_start
from reclaim.learn.models import Progress
from reclaim.vault.models import DataKey

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.I)
# The signed-in shell notes in the session (every 30 seconds, for the
# auto-lock) and in the list of places signed in (every few minutes) that
# the member is still here; those are the shell's, not a lesson's, and are
# left out here (accounts/tests/test_reading_writes_nothing.py counts them).
SHELL = ('"django_session"', '"usersessions_usersession"')


def _writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if WRITE.match(q["sql"]) and not any(table in q["sql"] for table in SHELL)
    ]


URLS = [
    reverse("learn:index"),
    reverse("learn:lesson", args=["a-quiet-harbour"]),
    reverse("learn:lesson", args=["tide-tables"]),
]


@pytest.mark.parametrize("url", URLS)
def test_a_first_visit_writes_nothing_not_even_a_key(member_client, member, url):
    keys = list(DataKey.objects.filter(owner=member).values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as seen:
        assert member_client.get(url).status_code == 200
    assert _writes(seen.captured_queries) == []
    assert not Progress.objects.filter(owner=member).exists()
    assert list(DataKey.objects.filter(owner=member).values_list("pk", flat=True)) == keys


@pytest.mark.parametrize("url", URLS)
def test_a_visit_with_progress_writes_nothing(member_client, member, harbour, url):
    do_start(member, harbour)
    before = bytes(Progress.objects.get(owner=member).lessons_sealed)
    with CaptureQueriesContext(connection) as seen:
        assert member_client.get(url).status_code == 200
    assert _writes(seen.captured_queries) == []
    assert bytes(Progress.objects.get(owner=member).lessons_sealed) == before
