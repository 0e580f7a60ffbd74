"""The worker's heartbeat, read by ``/health/`` (see ``core/jobs.py``)."""

from __future__ import annotations

from typing import Any

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, on_startup, signal
from huey.signals import SIGNAL_COMPLETE

from . import jobs


@db_periodic_task(crontab(minute="*"))
def heartbeat() -> None:
    """Every minute: say the worker is alive, even when there is no other work."""
    jobs.record_seen()


@on_startup("reclaim_worker_seen")
def _started() -> None:
    jobs.record_seen()


@signal(SIGNAL_COMPLETE)
def _finished(signal_name: str, task: Any, *args: Any, **kwargs: Any) -> None:
    if isinstance(task, heartbeat.task_class):
        return
    jobs.record_job_finished()
