"""Background work for consultations: reminders a day and an hour before, lapsed holds deleted.

Huey finds an app's `tasks` module; the practice's `tasks.py` imports this
one, so the task is registered with the worker.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .actions.consultations import do_forget_lapsed_holds, send_due_reminders


@db_periodic_task(crontab(minute="*/5"))
def send_consultation_reminders() -> int:
    """Every five minutes: remind visitors of their appointment, a day and an hour ahead.

    The task takes no arguments: what it needs is read from the database,
    so nothing about a visitor ever sits in the queue. Holds that were never
    confirmed are deleted on the same round.
    """
    do_forget_lapsed_holds()
    return send_due_reminders()
