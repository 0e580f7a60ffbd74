"""PostgreSQL connections are kept between requests, and checked before reuse.

bench/fault_postgres.py restarts PostgreSQL under load: because Django checks
a kept connection before reusing it (CONN_HEALTH_CHECKS), no member's save
fails once the database is back. Keeping connections without that check
would hand a broken one to the first request after a restart. The check
asks the operating system first (reclaim/core/postgresql/base.py), so a
healthy idle connection costs no round trip; values travel apart from the
query, so the server keeps queries it sees often prepared.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import psycopg
import pytest
from django.db import connection

from reclaim.accounts.models import User
from reclaim.core.postgresql.base import quiet


def _postgres_settings(tmp_path, **extra: str) -> dict:
    environment = {
        **os.environ,
        "RECLAIM_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "reclaim.settings",
        # Settings only: nothing connects, so the address need not exist.
        "DATABASE_URL": "postgres://reclaim@127.0.0.1:1/reclaim",
        **extra,
    }
    environment.pop("REDIS_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, django; django.setup(); from django.conf import settings; "
            "print(json.dumps(settings.DATABASES['default']))",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_kept_postgres_connections_are_checked_before_reuse(tmp_path):
    database = _postgres_settings(tmp_path)
    assert database["CONN_MAX_AGE"] > 0
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["ENGINE"] == "reclaim.core.postgresql"


def test_postgres_keeps_queries_prepared_unless_the_host_says_not_to(tmp_path):
    options = _postgres_settings(tmp_path)["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] > 0
    # Behind a pooler in transaction mode that cannot keep prepared statements.
    options = _postgres_settings(tmp_path, RECLAIM_DB_PREPARE="false").get("OPTIONS", {})
    assert "server_side_binding" not in options
    assert "prepare_threshold" not in options


def test_a_socket_is_quiet_until_the_other_end_speaks_or_hangs_up():
    ours, theirs = socket.socketpair()
    with ours, theirs:
        assert quiet(ours.fileno())
        theirs.sendall(b"goodbye")
        assert not quiet(ours.fileno())
    ours, theirs = socket.socketpair()
    with ours:
        theirs.close()
        assert not quiet(ours.fileno())


def _wait_until_heard(fileno: int) -> None:
    deadline = time.monotonic() + 10
    while quiet(fileno) and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.django_db(transaction=True)
def test_a_connection_the_database_ended_is_replaced_before_a_request_uses_it():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: .ci/run runs the suite again on PostgreSQL")
    User.objects.count()
    assert connection.is_usable()
    kept = connection.connection
    # The server ends this connection, as a restart would.
    parameters = connection.get_connection_params()
    with psycopg.connect(
        **{k: v for k, v in parameters.items() if k not in ("cursor_factory", "context")},
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [kept.info.backend_pid])
    _wait_until_heard(kept.fileno())
    assert not connection.is_usable()
    # What Django does at the start of the next request, then that request's query.
    connection.close_if_unusable_or_obsolete()
    assert User.objects.count() == 0
    assert connection.connection is not kept
    assert connection.is_usable()
