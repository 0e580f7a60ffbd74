"""Background work for accounts: copies to take away, and forgetting what has ended.

Task arguments are ids only, never anything the member wrote.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import actions, sessions


@db_periodic_task(crontab(hour="3", minute="17"))
def forget_ended_sessions() -> int:
    """Every night: remove expired sessions and their rows in the device list.

    The list keeps a browser's label and network only while the session
    lives; this is what makes "while" true for sessions that simply ran out.
    """
    return sessions.forget_ended_sessions()


@db_periodic_task(crontab(hour="3", minute="23"))
def forget_old_notices() -> int:
    """Every night: remove notices no other session picked up within a month."""
    return actions.do_forget_old_notices()


@db_task()
def make_export(export_id: str) -> str:
    """Make the member's copy; the page they are on counts the parts as they are done."""
    return actions.do_make_export(export_id)


@db_task(retries=3, retry_delay=60)
def send_notice(user_id: str) -> bool:
    """The neutral e-mail about a change to the account; the address is read here.

    It says the same whatever happened, so the kind of change never leaves
    the database.
    """
    return actions.do_send_notice_email(user_id)


@db_periodic_task(crontab(minute="*/15"))
def forget_expired_exports() -> int:
    """Every quarter hour: delete copies nobody downloaded within their 24 hours."""
    return actions.do_forget_expired_exports()
