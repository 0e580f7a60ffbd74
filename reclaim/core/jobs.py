"""How the job worker is doing, as ``/health/`` shows it.

The worker writes two times to the cache: when it was last seen (at start,
and by a small job every minute) and when it last finished a real job. The
health page only reads them and asks the queue for its length, so it stays
fast and never writes to the database.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache
from huey.contrib.djhuey import HUEY

SEEN_KEY = "reclaim:worker:seen"
LAST_JOB_KEY = "reclaim:worker:last-job"
# The heartbeat job runs every minute; a worker unseen for three is late.
LATE_AFTER_SECONDS = 180


def _remember(key: str, now: float | None) -> None:
    # Jobs run inline in tests and with RECLAIM_JOBS_IMMEDIATE: there is no
    # worker to report on, and a cache write would add queries to the page.
    if HUEY.immediate:
        return
    # No expiry: the database cache deletes expired rows when it reads them,
    # which would turn the health check into a write.
    cache.set(key, now if now is not None else time.time(), timeout=None)


def record_seen(now: float | None = None) -> None:
    _remember(SEEN_KEY, now)


def record_job_finished(now: float | None = None) -> None:
    _remember(SEEN_KEY, now)
    _remember(LAST_JOB_KEY, now)


def worker_health(now: float | None = None) -> dict[str, Any]:
    """The worker's state for ``/health/``: ok, late or not seen; queue length; ages."""
    now = now if now is not None else time.time()
    times = cache.get_many([SEEN_KEY, LAST_JOB_KEY])
    seen, last_job = times.get(SEEN_KEY), times.get(LAST_JOB_KEY)
    try:
        queued: int | None = HUEY.pending_count()
    except Exception:
        queued = None
    if seen is None:
        state = "not seen"
    elif now - seen > LATE_AFTER_SECONDS:
        state = "late"
    else:
        state = "ok"
    return {
        "status": state,
        "queued": queued,
        "seen_seconds_ago": None if seen is None else round(now - seen),
        "last_job_seconds_ago": None if last_job is None else round(now - last_job),
    }
