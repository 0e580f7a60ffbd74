"""Background work for sharing: the e-mail that tells a practitioner about a risk alert."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from .actions import do_send_risk_alert


@db_task(retries=3, retry_delay=60)
def send_risk_alert(alert_id: int) -> bool:
    """E-mail one risk alert. The queue carries the alert's number only, nothing about anyone."""
    return do_send_risk_alert(alert_id)
