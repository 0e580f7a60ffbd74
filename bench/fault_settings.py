"""Settings for bench/fault_worker.py: Reclaim's own, with a mail backend that takes its time.

The pause gives the fault script a moment in which the job is certainly
running, so `kill -9` lands mid-job every time rather than by luck. The
backend leaves a marker file before and after handing the message over, so
the script knows which side of the hand-over it killed the worker on.
"""

from __future__ import annotations

import os
import time

from django.core.mail.backends import filebased

from reclaim.settings import *  # noqa: F403
from reclaim.settings import DATA_DIR

EMAIL_BACKEND = "fault_settings.SlowFileBackend"
EMAIL_FILE_PATH = str(DATA_DIR / "mail")


class SlowFileBackend(filebased.EmailBackend):
    def send_messages(self, email_messages):  # type: ignore[no-untyped-def]
        (DATA_DIR / "fault-sending").touch()
        time.sleep(float(os.environ.get("FAULT_PAUSE_BEFORE", "0")))
        sent = super().send_messages(email_messages)
        (DATA_DIR / "fault-sent").touch()
        time.sleep(float(os.environ.get("FAULT_PAUSE_AFTER", "0")))
        return sent
