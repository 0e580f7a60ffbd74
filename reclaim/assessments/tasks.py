"""Background work for questionnaires: retake reminders.

Task arguments are ids only, never answers or scores: queued jobs can sit in
Redis or a SQLite file, outside the vault.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import actions


@db_periodic_task(crontab(minute="0"))
def make_reminders() -> int:
    """Every hour: remind members whose suggested retake time has passed.

    In-app reminders are rows the questionnaires page shows; an e-mail is
    queued only for members who opted in. Returns how many e-mails were queued.
    """
    owed = actions.do_make_due_reminders()
    # Queued after the reminders are committed, so a worker never looks for
    # a row that is not there yet.
    for reminder_id in owed:
        send_reminder_email(str(reminder_id))
    return len(owed)


@db_task(retries=3, retry_delay=300)
def send_reminder_email(reminder_id: str) -> bool:
    return actions.do_send_reminder_email(reminder_id)
