"""kill -9 of the job worker while it sends a reminder e-mail: afterwards the e-mail went once.

    uv run python bench/fault_worker.py              # 5 rounds of each case
    uv run python bench/fault_worker.py --rounds 10

Each round uses a fresh data folder with the embedded default (SQLite
database, SQLite job queue, e-mail written to files). It makes a member who
asked for e-mail reminders, a questionnaire result that is due again, and
the reminder with its e-mail job queued; then it starts a real worker
(`reclaim worker`: the supervisor and its Huey consumer), waits until the
job is sending, and kills the consumer with SIGKILL. The supervisor starts
a new consumer; the script waits for the reminder to be marked as e-mailed,
lets one more hourly scan run, and counts the messages in the mail folder.

Two cases:

* **before hand-over**: killed while the mail backend is still working (as
  while waiting for a slow mail server). Huey has already taken the job off
  the queue, so the job itself is gone; the new consumer's start-up scan
  finds the e-mail still owed and sends it. Expected: exactly one e-mail.
* **after hand-over**: killed after the message is written but before the
  transaction that marks it sent commits (normally the mail server's
  goodbye and one commit, a few milliseconds; the script holds it open for
  seconds). The mark rolls back,
  so the e-mail is sent again. This is the window no sender can close
  without a receiver that drops duplicates; it is measured, not hidden.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
PAUSE = 3.0

SEED = """
import django
django.setup()
from datetime import timedelta
from django.core.management import call_command
from django.utils import timezone
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from allauth.account.models import EmailAddress
from reclaim.accounts.models import User
from reclaim.assessments import actions, tasks
user = User.objects.create_user(
    username="robin", email="robin@example.org", password="a long and quiet river",
    onboarded=timezone.now(),
)
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
actions.do_set_reminder_preference(user, in_app=True, by_email=True)
actions.do_save_result(user, "phq9", [1] * 9, taken=timezone.now() - timedelta(days=20))
[owed] = actions.do_make_due_reminders()
tasks.send_reminder_email(str(owed))
"""

SCAN = """
import django
django.setup()
from reclaim.assessments import tasks
tasks.make_reminders()
"""


def wait_for(condition, timeout: float, what: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic()
        time.sleep(0.05)
    raise SystemExit(f"Gave up waiting for {what} after {timeout:.0f} s.")


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def messages(data: Path) -> int:
    folder = data / "mail"
    if not folder.exists():
        return 0
    return sum(p.read_text().count("Subject: A reminder") for p in folder.iterdir())


def emailed(data: Path) -> bool:
    with sqlite3.connect(f"file:{data / 'reclaim.sqlite3'}?mode=ro", uri=True) as db:
        row = db.execute("SELECT emailed FROM assessments_reminder").fetchone()
    return row is not None and row[0] is not None


def queued(data: Path) -> int:
    with sqlite3.connect(f"file:{data / 'jobs.sqlite3'}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM task").fetchone()[0]


def one_round(case: str) -> dict[str, float]:
    data = Path(tempfile.mkdtemp(prefix="reclaim-fault-"))
    env = {
        **os.environ,
        "RECLAIM_DATA_DIR": str(data),
        "DJANGO_SETTINGS_MODULE": "fault_settings",
        "PYTHONPATH": os.pathsep.join([str(BENCH), str(ROOT)]),
        "RECLAIM_LOG_LEVEL": "WARNING",
        "FAULT_PAUSE_BEFORE": str(PAUSE if case == "before hand-over" else 0),
        "FAULT_PAUSE_AFTER": str(PAUSE if case == "after hand-over" else 0),
    }
    for name in ("DATABASE_URL", "REDIS_URL", "RECLAIM_JOBS_IMMEDIATE"):
        env.pop(name, None)
    subprocess.run([sys.executable, "-c", SEED], env=env, check=True, cwd=ROOT)
    log = (data / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "reclaim.cli", "worker", "--workers", "1"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        marker = data / ("fault-sending" if case == "before hand-over" else "fault-sent")
        wait_for(marker.exists, 120, "the job to start sending")
        before = messages(data)
        [consumer] = children(worker.pid)
        os.kill(consumer, signal.SIGKILL)
        killed = time.monotonic()
        wait_for(lambda: emailed(data), 120, "the e-mail to be marked as sent")
        done = time.monotonic()
        # One more hourly scan after everything settled: nothing more may go.
        wait_for(lambda: queued(data) == 0, 60, "the queue to empty")
        subprocess.run([sys.executable, "-c", SCAN], env=env, check=True, cwd=ROOT)
        wait_for(lambda: queued(data) == 0, 60, "the extra scan to run")
        time.sleep(PAUSE + 1)
        restarted = children(worker.pid) not in ([], [consumer])
        return {
            "messages_at_kill": before,
            "messages": messages(data),
            "seconds_to_sent": done - killed,
            "restarted": float(restarted),
        }
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(30)
        log.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    failed = False
    for case, expected in (("before hand-over", 1), ("after hand-over", 2)):
        results = [one_round(case) for _ in range(args.rounds)]
        counts = [int(r["messages"]) for r in results]
        seconds = [r["seconds_to_sent"] for r in results]
        print(
            f"{case}: {args.rounds} rounds; messages at the kill "
            f"{[int(r['messages_at_kill']) for r in results]}, after {counts}; "
            f"worker restarted in {sum(int(r['restarted']) for r in results)}/{args.rounds}; "
            f"kill to marked sent: median {statistics.median(seconds):.1f} s, "
            f"max {max(seconds):.1f} s"
        )
        if case == "before hand-over" and any(c != expected for c in counts):
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
