"""Background work for the calm tool: the e-mail when a parked thought is ready.

Only for members who turned e-mail on (it is off by default). Task
arguments are ids only, never a member's words: queued jobs can sit in
Redis or a SQLite file, outside the vault.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import actions, queries


@db_periodic_task(crontab(minute="*/5"))
def send_due_reminders() -> int:
    """Every five minutes: queue one e-mail per member whose parked thoughts just came due.

    Returns how many e-mails were queued. Sending locks and marks the rows,
    so a thought queued twice (two runs, two workers) is still e-mailed once.
    """
    owed = queries.owed_emails()
    for thought_ids in owed.values():
        send_reminder([str(pk) for pk in thought_ids])
    return len(owed)


@db_task(retries=3, retry_delay=300)
def send_reminder(thought_ids: list[str]) -> bool:
    return actions.do_send_reminder(thought_ids)
