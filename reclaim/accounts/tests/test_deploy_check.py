"""A production-like configuration passes Django's deployment checks cleanly."""

from __future__ import annotations

import secrets

from django.core.management import call_command
from django.test import override_settings


def test_check_deploy_has_no_warnings(monkeypatch, tmp_path):
    # The test run allows async-unsafe calls for the browser tests; a real
    # deployment never sets that, and the check rightly says so.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    with override_settings(
        DEBUG=False,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=["example.org"],
        SECURE_SSL_REDIRECT=True,
        SESSION_COOKIE_SECURE=True,
        CSRF_COOKIE_SECURE=True,
        # In production the master keys are kept apart from a file database.
        RECLAIM_MASTER_KEYS_FILE=str(tmp_path / "etc" / "master.keys"),
    ):
        # Raises SystemCheckError on any warning or worse.
        call_command("check", "--deploy", "--fail-level", "WARNING")
