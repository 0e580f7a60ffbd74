"""Background work for sharing: the e-mail that tells a practitioner about a risk alert,
and the nightly clean-up of switches whose entries are gone."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .actions import do_forget_deleted_entries, do_send_risk_alert


@db_task(retries=3, retry_delay=60)
def send_risk_alert(alert_id: int) -> bool:
    """E-mail one risk alert. The queue carries the alert's number only, nothing about anyone."""
    return do_send_risk_alert(alert_id)


@db_periodic_task(crontab(hour="3", minute="29"))
def forget_deleted_entries() -> int:
    """Every night: remove the sharing switches of entries their members have deleted."""
    return do_forget_deleted_entries()
