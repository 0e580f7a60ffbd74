"""Background work for accounts: forgetting sessions that have ended, and old notices."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

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
