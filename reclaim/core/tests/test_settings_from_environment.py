"""A bad setting stops the start with a message that names the variable."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _start_with(tmp_path, **env: str) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "RECLAIM_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "reclaim.settings",
        **env,
    }
    environment.pop("DATABASE_URL", None)
    environment.pop("REDIS_URL", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "name, value",
    [
        ("RECLAIM_AUTOLOCK_MINUTES", "soon"),
        ("RECLAIM_AUTOLOCK_MINUTES", "0"),
        ("RECLAIM_DEBUG", "perhaps"),
        ("RECLAIM_HTTPS", "2"),
        ("DATABASE_URL", "mysql://root@localhost/reclaim"),
        ("REDIS_URL", "localhost:6379"),
        ("RECLAIM_EMAIL", "pigeon"),
        ("RECLAIM_MASTER_KEYS", "not-a-key"),
        ("RECLAIM_TRUSTED_PROXIES", "10.0.0.0/8,the-proxy"),
    ],
)
def test_a_bad_value_fails_at_start_naming_the_variable(tmp_path, name, value):
    if name == "RECLAIM_MASTER_KEYS":
        # Keys are read when first needed; the start-up command needs them at once.
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup(); "
                "from reclaim.vault.keys import master_keys; master_keys()",
            ],
            env={
                **os.environ,
                "RECLAIM_DATA_DIR": str(tmp_path),
                name: value,
                "DJANGO_SETTINGS_MODULE": "reclaim.settings",
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
    else:
        result = _start_with(tmp_path, **{name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_the_embedded_default_starts_with_nothing_set_and_makes_private_secrets(tmp_path):
    data = tmp_path / "data"
    result = _start_with(tmp_path, RECLAIM_DATA_DIR=str(data))
    assert result.returncode == 0, result.stderr
    assert data.stat().st_mode & 0o777 == 0o700
    secret = data / "secret.key"
    assert secret.exists()
    assert secret.stat().st_mode & 0o777 == 0o600
