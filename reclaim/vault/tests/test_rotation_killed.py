"""`reclaim rotate-keys` killed with SIGKILL half way, then run again: every member opens.

The other rotation tests stop it with an exception inside the test process;
this one runs the real command in its own process on its own embedded
installation (a SQLite file in a fresh data folder), kills it while it is
re-wrapping, and runs it again.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess  # noqa: S404 - the product's own command, run as an operator would.
import sys
import time
from pathlib import Path

from .conftest import key_line

MEMBERS = 600

SEED = f"""
import django
django.setup()
from django.contrib.auth import get_user_model
from reclaim.accounts.models import Situation
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import create_sealed
User = get_user_model()
User.objects.bulk_create([User(username=f"m{{i}}") for i in range({MEMBERS})])
with key_cache():
    for user in User.objects.all():
        create_sealed(Situation, owner=user, details={{"note": f"words of {{user.username}}"}})
"""

CHECK = """
import django
django.setup()
from reclaim.accounts.models import Situation
from reclaim.vault.fields import open_rows
rows = open_rows(Situation.objects.select_related("owner"))
wrong = [r.owner.username for r in rows if r.details != {"note": f"words of {r.owner.username}"}]
print(len(rows), len(wrong))
"""


def _env(data_dir: Path, keys: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DATABASE_URL", "REDIS_URL", "RECLAIM_DATA_DIR", "RECLAIM_MASTER_KEYS")
    }
    env.update(
        RECLAIM_DATA_DIR=str(data_dir),
        RECLAIM_MASTER_KEYS=keys,
        DJANGO_SETTINGS_MODULE="reclaim.settings",
        RECLAIM_JOBS_IMMEDIATE="true",
    )
    return env


def _run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own command with fixed arguments.
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=600, check=True
    )
    return done.stdout


def _rewrapped(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
        return db.execute(
            "SELECT count(*) FROM vault_datakey WHERE master_key_id = 'new'"
        ).fetchone()[0]


def test_a_rotation_killed_half_way_finishes_when_run_again_and_everyone_opens(tmp_path):
    old, new = key_line("old"), key_line("new")
    before = _env(tmp_path, old)
    _run(before, "-m", "reclaim.cli", "manage", "migrate", "--no-input", "--verbosity=0")
    _run(before, "-c", SEED)
    database = next(tmp_path.glob("*.sqlite3"))

    after = _env(tmp_path, f"{new},{old}")
    rotating = subprocess.Popen(  # noqa: S603 - our own command.
        [sys.executable, "-m", "reclaim.cli", "rotate-keys"],
        env=after,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while _rewrapped(database) < 10 and time.monotonic() < deadline:
            time.sleep(0.01)
        rotating.send_signal(signal.SIGKILL)
    finally:
        rotating.wait()
    half = _rewrapped(database)
    assert 0 < half < MEMBERS, f"killed after {half} of {MEMBERS}: not half way"

    said = _run(after, "-m", "reclaim.cli", "rotate-keys")
    assert f"Re-wrapped {MEMBERS - half} data keys" in said
    assert "Older keys can be removed now" in said
    assert _rewrapped(database) == MEMBERS

    # With the old master key gone, every member's words still open.
    only_new = _env(tmp_path, new)
    assert _run(only_new, "-c", CHECK).split() == [str(MEMBERS), "0"]
