"""Background work for webinars: reminders and the replay, sent on time and once;
registrations never confirmed, forgotten."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .actions.webinars import do_forget_unconfirmed, do_send_due_reminders


@db_periodic_task(crontab(minute="*/5"))
def send_webinar_reminders() -> int:
    """Every five minutes: the day-before and hour-before reminders, and replays.

    Each registration's flag is set in the transaction that sends its
    e-mail, and rows another worker holds are skipped, so several workers
    never send one reminder twice.
    """
    return do_send_due_reminders()


@db_periodic_task(crontab(minute="41"))
def forget_unconfirmed_registrations() -> int:
    """Every hour: registrations whose confirmation link ran out unused are deleted."""
    return do_forget_unconfirmed()
