"""A stolen database does not say which lessons a member read, or when."""

import pytest
from django.db import connection
from django.urls import reverse

from reclaim.learn.models import Progress
from reclaim.learn.queries import progress_of
from reclaim.testing.privacy import database_holds

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_progress_row_holds_no_lesson_name_or_time_in_plain(member_client, member):
    member_client.post(reverse("learn:start", args=["the-lighthouse-keeper"]))
    member_client.post(reverse("learn:finish", args=["tide-tables"]))
    # The owner reads it back through the pages.
    index = member_client.get(reverse("learn:index")).content.decode()
    assert "You have finished 1 of 3 lessons." in index
    marks = progress_of(member)
    assert set(marks) == {"the-lighthouse-keeper", "tide-tables"}

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM learn_progress")
        rows = cursor.fetchall()
    raw = b"".join(
        bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode()
        for row in rows
        for v in row
    )
    assert len(rows) == 1
    for plain in (
        b"lighthouse",
        b"tide-tables",
        b"started",
        b"finished",
        marks["tide-tables"]["finished"][:16].encode(),
    ):
        assert plain not in raw
    assert Progress.objects.get(owner=member).lessons_sealed is not None


def test_the_whole_database_does_not_hold_the_lesson_names(member_client):
    member_client.post(reverse("learn:finish", args=["the-lighthouse-keeper"]))
    member_client.post(reverse("learn:start", args=["tide-tables"]))
    assert not database_holds("the-lighthouse-keeper")
    assert not database_holds("tide-tables")
