"""Structured logs that never carry what a member wrote.

Log records are reduced to the message template and a few known fields; the
arguments of a record and any request object attached by Django are dropped,
because they are where personal text would slip through.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

SAFE_EXTRAS: tuple[str, ...] = (
    "request_id",
    "status_code",
    "method",
    "path_name",
    "duration_ms",
    "task",
)
# What the supervisor and the start-up report say about the installation:
# process names, exit codes and the operator's own settings, never member data.
SAFE_EXTRAS += ("child", "exit_code", "signal", "restart_in_s", "site_url", "path")


class NoPersonalContent(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # Django's request logger adds the request object; drop it.
        if hasattr(record, "request"):
            record.request = None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            # The template only: arguments may contain anything.
            "event": str(record.msg),
        }
        for name in SAFE_EXTRAS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
        return json.dumps(entry)
