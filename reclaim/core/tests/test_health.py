"""`/health/` shows how the job worker is doing, quickly and without writing."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from huey.contrib.djhuey import HUEY

from reclaim.assessments import tasks as assessment_tasks
from reclaim.core import jobs
from reclaim.core import tasks as core_tasks


@pytest.fixture
def real_queue():
    """The configured queue (SQLite file or Redis) instead of running jobs inline."""
    HUEY.immediate = False
    HUEY.flush()
    yield HUEY
    HUEY.flush()
    HUEY.immediate = True


def worker(client):
    return client.get(reverse("core:health")).json()["worker"]


def test_a_worker_never_seen_is_reported_without_failing_the_check(client, db):
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.json()["worker"]["status"] == "not seen"


def test_it_shows_the_queue_length_and_when_the_worker_was_last_seen(client, db, real_queue):
    jobs.record_seen(now=time.time() - 30)
    jobs.record_job_finished(now=time.time() - 40)
    jobs.record_seen(now=time.time() - 30)
    for n in range(3):
        assessment_tasks.send_reminder_email(f"00000000-0000-0000-0000-00000000000{n}")
    report = worker(client)
    assert report["status"] == "ok"
    assert report["queued"] == 3
    assert 29 <= report["seen_seconds_ago"] <= 32
    assert 39 <= report["last_job_seconds_ago"] <= 42


def test_a_worker_unseen_for_minutes_is_late(client, db, real_queue):
    jobs.record_seen(now=time.time() - jobs.LATE_AFTER_SECONDS - 5)
    assert worker(client)["status"] == "late"


def test_finishing_a_job_counts_as_a_job_but_the_heartbeat_does_not(
    client, db, real_queue, monkeypatch
):
    # A real worker closes its database connections around each job; here
    # the job runs in the test's own connection, which must stay open.
    monkeypatch.setattr("huey.contrib.djhuey.close_old_connections", lambda: None)
    core_tasks.heartbeat()
    real_queue.execute(real_queue.dequeue())
    report = worker(client)
    assert report["seen_seconds_ago"] == 0
    assert report["last_job_seconds_ago"] is None
    assessment_tasks.send_reminder_email("00000000-0000-0000-0000-000000000000")
    real_queue.execute(real_queue.dequeue())
    assert worker(client)["last_job_seconds_ago"] == 0


def test_the_health_check_never_writes_to_the_database(client, db, real_queue):
    jobs.record_job_finished()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("core:health")).status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))
    ]
    assert writes == []
    assert len(queries.captured_queries) <= 2
