"""Loaded by pytest (``-p reclaim.testing.env``) before Django reads its settings.

Each test run gets its own data folder, so generated keys and the SQLite
files never touch a real installation, and jobs run at once instead of
waiting for a worker.
"""

import os
import tempfile

os.environ.setdefault("RECLAIM_DATA_DIR", tempfile.mkdtemp(prefix="reclaim-test-"))
os.environ["RECLAIM_JOBS_IMMEDIATE"] = "true"
# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses that unless told it is safe, which it is for a single test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
