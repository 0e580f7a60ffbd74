"""What an operator should know about this installation, said at start and by `reclaim check`.

Where outgoing mail goes (by default it is only written to files), which
address links in e-mails use, and where the master keys are kept.
"""

from __future__ import annotations

import logging

from django.conf import settings

from .checks import check_master_keys_apart_from_database

log = logging.getLogger("reclaim.installation")


def mail_mode() -> str:
    """'file', 'console', 'smtp' or 'other': what happens to an e-mail the app sends."""
    backend = settings.EMAIL_BACKEND
    for ending, mode in (
        ("filebased.EmailBackend", "file"),
        ("console.EmailBackend", "console"),
        ("smtp.EmailBackend", "smtp"),
    ):
        if backend.endswith(ending):
            return mode
    return "other"


def mail_line() -> str:
    mode = mail_mode()
    if mode == "file":
        return (
            f"Outgoing e-mail is written to files in {settings.EMAIL_FILE_PATH}, not sent. "
            "Set RECLAIM_EMAIL=smtp://user:password@host:587 to send it."
        )
    if mode == "console":
        return "Outgoing e-mail is printed to the console, not sent (RECLAIM_EMAIL=console)."
    if mode == "smtp":
        return f"Outgoing e-mail is sent through {settings.EMAIL_HOST}:{settings.EMAIL_PORT}."
    return f"Outgoing e-mail goes to {settings.EMAIL_BACKEND}."


def keys_line() -> str:
    if settings.RECLAIM_MASTER_KEYS:
        return "Master keys come from RECLAIM_MASTER_KEYS (the environment)."
    return f"Master keys are read from the file {settings.RECLAIM_MASTER_KEYS_FILE}."


def site_line() -> str:
    return f"Links in e-mails start with {settings.RECLAIM_SITE_URL} (RECLAIM_SITE_URL)."


def report_lines() -> list[str]:
    return [mail_line(), site_line(), keys_line()]


def log_at_start() -> None:
    """One log line each about mail, links and keys, and any warning about the keys."""
    mode = mail_mode()
    if mode == "smtp":
        log.info("outgoing e-mail is sent by SMTP")
    else:
        # On a real site (HTTPS) mail that is never sent is a mistake to catch early.
        level = logging.WARNING if settings.SECURE_SSL_REDIRECT else logging.INFO
        log.log(
            level,
            "outgoing e-mail is written to files, not sent (RECLAIM_EMAIL=file)"
            if mode == "file"
            else "outgoing e-mail is not sent (RECLAIM_EMAIL is not smtp://)",
            extra={"path": getattr(settings, "EMAIL_FILE_PATH", None)},
        )
    log.info("links in e-mails use RECLAIM_SITE_URL", extra={"site_url": settings.RECLAIM_SITE_URL})
    if settings.RECLAIM_MASTER_KEYS:
        log.info("master keys come from RECLAIM_MASTER_KEYS")
    else:
        log.info(
            "master keys come from RECLAIM_MASTER_KEYS_FILE",
            extra={"path": str(settings.RECLAIM_MASTER_KEYS_FILE)},
        )
    if check_master_keys_apart_from_database():
        log.warning(
            "the master key file is in the same folder as the database: "
            "set RECLAIM_MASTER_KEYS_FILE to a file elsewhere (see `reclaim check`)",
            extra={"path": str(settings.RECLAIM_MASTER_KEYS_FILE)},
        )
