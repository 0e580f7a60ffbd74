"""Background work for questionnaires: retake reminders.

Task arguments are ids only, never answers or scores: queued jobs can sit in
Redis or a SQLite file, outside the vault.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, on_startup

from . import actions, queries


@db_periodic_task(crontab(minute="0"))
def make_reminders() -> int:
    """Every hour: remind members whose suggested retake time has passed.

    In-app reminders are rows the questionnaires page shows; an e-mail is
    queued only for members who opted in. E-mails still owed from earlier
    runs are queued again: a job lost with a killed worker is not lost for
    good, and sending twice is impossible (see ``do_send_reminder_email``).
    Returns how many e-mails were queued.
    """
    actions.do_make_due_reminders()
    # Queued after the reminders are committed, so a worker never looks for
    # a row that is not there yet.
    owed = queries.unsent_reminder_emails()
    for reminder_id in owed:
        send_reminder_email(str(reminder_id))
    return len(owed)


@on_startup("reclaim_owed_reminders")
def _scan_when_the_worker_starts() -> None:
    # A worker that was killed mid-job comes back through here: look for
    # owed e-mails now rather than at the next hour.
    make_reminders()


@db_task(retries=3, retry_delay=300)
def send_reminder_email(reminder_id: str) -> bool:
    return actions.do_send_reminder_email(reminder_id)
