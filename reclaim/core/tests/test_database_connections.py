"""PostgreSQL connections are kept between requests, and checked before reuse.

bench/fault_postgres.py restarts PostgreSQL under load: because Django checks
a kept connection before reusing it (CONN_HEALTH_CHECKS), no member's save
fails once the database is back. Keeping connections without that check
would hand a broken one to the first request after a restart.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_kept_postgres_connections_are_checked_before_reuse(tmp_path):
    environment = {
        **os.environ,
        "RECLAIM_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "reclaim.settings",
        # Settings only: nothing connects, so the address need not exist.
        "DATABASE_URL": "postgres://reclaim@127.0.0.1:1/reclaim",
    }
    environment.pop("REDIS_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, django; django.setup(); from django.conf import settings; "
            "db = settings.DATABASES['default']; "
            "print(json.dumps([db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS']]))",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    max_age, health_checks = json.loads(result.stdout.strip().splitlines()[-1])
    assert max_age > 0
    assert health_checks is True
