"""System checks about how an installation is set up (``manage.py check --deploy``).

They are also run by ``reclaim serve`` and ``reclaim check``, so an operator
sees them without knowing Django's commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


def _file_database_folder() -> Path | None:
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        return None
    return Path(database["NAME"]).resolve().parent


@register(Tags.security, deploy=True)
def check_master_keys_apart_from_database(
    app_configs: Any = None, **kwargs: Any
) -> list[CheckMessage]:
    """Warn when the master key file sits with a file database on a real (HTTPS) site.

    Whoever can copy the data folder then has both the sealed data and the
    key that opens it, and encryption at rest protects nothing. On a laptop
    without HTTPS that is the convenient default, so it is not mentioned.
    """
    if not settings.SECURE_SSL_REDIRECT or settings.RECLAIM_MASTER_KEYS:
        return []
    folder = _file_database_folder()
    if folder is None:
        return []
    keys = Path(settings.RECLAIM_MASTER_KEYS_FILE).resolve()
    if not keys.is_relative_to(folder):
        return []
    return [
        Warning(
            f"The master key file ({keys}) is in the same folder as the database ({folder}).",
            hint=(
                "Whoever copies that folder can read everything. Keep the key elsewhere: set "
                "RECLAIM_MASTER_KEYS_FILE to a file outside the data folder (for example "
                "/etc/reclaim/master.keys, readable only by the app's account), or pass the "
                "keys in RECLAIM_MASTER_KEYS."
            ),
            id="reclaim.W001",
        )
    ]
