"""PostgreSQL restarted while 8 members save check-ins and journal entries.

    uv run python bench/fault_postgres.py                  # one 30 s run
    uv run python bench/fault_postgres.py --runs 3 --seconds 30 --down 3

Each run starts its own throwaway PostgreSQL cluster (initdb into a
temporary folder, a free port, trust on 127.0.0.1 only); the machine's
shared server on 5432 is never touched. As root the cluster runs as the
`postgres` system user, because PostgreSQL refuses to run as root. The app
is migrated into it and served by a real `reclaim web` (gunicorn, 2 workers
of 4 threads, persistent connections as configured in settings.py).

Eight members, each with their own signed-in session, post for the given
time: a check-in (five scores and a note) and a journal entry (title, body,
tags), one after the other, each carrying a unique marker. At `--at`
seconds the cluster is stopped with `-m immediate` (a crash: no checkpoint,
every connection cut), kept down for `--down` seconds, and started again
(crash recovery replays the write-ahead log).

Afterwards the script opens the database through Django with the run's
master keys, unseals every check-in and entry, and counts:

* acknowledged: the server answered 302 to the saved page (check-in) or the
  entry's page (journal); every one of these must be in the database
  exactly once, under the id the redirect named;
* errors, by status (or the connection error), and whether the page was
  our own calm 500 page;
* committed but unacknowledged: a row whose request got an error (the commit
  can land just before the connection to the member breaks); acceptable only
  when whole and only when the member saw an error;
* half-saved: a row missing any score, its note, title, body or tags.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 8
KIND_ERROR_PAGE = "Something went wrong on our side"
ERROR_PAUSE = 0.1
SCALES = ("mood", "anger", "anxiety", "sleep", "self_worth")

SEED = """
import json, sys
import django
django.setup()
from django.test import Client
from reclaim.accounts.models import User
cookies = []
for n in range(int(sys.argv[1])):
    user = User.objects.create_user(
        username=f"member{n}", email=f"member{n}@example.org",
        password="a long and quiet river", onboarded="2026-01-01T00:00:00Z",
        timezone="Europe/London", country="GB",
    )
    client = Client()
    client.force_login(user)
    cookies.append(client.cookies["sessionid"].value)
print(json.dumps(cookies))
"""

# Reads every check-in and entry back through the app's own models, so the
# sealed columns are opened exactly as a member's pages open them.
VERIFY = """
import json, re, sys
import django
django.setup()
from reclaim.checkins.models import CheckIn
from reclaim.journal.models import Entry
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows
SCALES = %r
found = []
half = []
with key_cache():
    for c in open_rows(CheckIn.objects.all()):
        note = c.note or ""
        m = re.search(r"fault-(\\S+)", note)
        scores = c.scale_values
        if m is None or any(scores.get(s) is None for s in SCALES):
            half.append({"kind": "checkin", "id": str(c.pk), "scores": scores, "note": note[:40]})
        if m:
            found.append({"kind": "checkin", "marker": m.group(1), "id": str(c.pk)})
    for e in open_rows(Entry.objects.all()):
        body = e.body or ""
        m = re.search(r"fault-(\\S+)", body)
        if m is None or not e.title or not e.tags:
            half.append({"kind": "entry", "id": str(e.pk), "title": e.title, "tags": e.tags})
        if m:
            found.append({"kind": "entry", "marker": m.group(1), "id": str(e.pk)})
print(json.dumps({"found": found, "half": half}))
"""

SAVED = {
    "checkin": re.compile(r"^/checkin/([0-9a-f-]{36})/saved/$"),
    "entry": re.compile(r"^/journal/([0-9a-f-]{36})/$"),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if found:
        return str(found[-1])
    on_path = shutil.which(name)
    if on_path is None:
        raise SystemExit(f"No PostgreSQL {name} found (looked in /usr/lib/postgresql/*/bin).")
    return on_path


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder, on its own port."""

    def __init__(self, base: Path) -> None:
        self.dir = base / "pg"
        self.sock = base / "sock"
        self.log = base / "pg.log"
        self.port = free_port()
        # PostgreSQL will not run as root; run it as the postgres system user.
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.sock.mkdir()
        if self.prefix:
            shutil.chown(base, "postgres")
            shutil.chown(self.sock, "postgres")
        self.run(
            pg_bin("initdb"), "-D", str(self.dir), "-A", "trust", "-U", "postgres", "-E", "UTF8"
        )

    def run(self, *cmd: str) -> None:
        subprocess.run([*self.prefix, *cmd], check=True, capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.sock} -c listen_addresses=127.0.0.1"
        self.run(
            pg_bin("pg_ctl"), "-D", str(self.dir), "-o", options, "-l", str(self.log), "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self.run(pg_bin("pg_ctl"), "-D", str(self.dir), "-m", mode, "-w", "stop")

    def url(self, db: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{db}"


def extract_csrf(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if match is None:
        raise SystemExit("The check-in page had no CSRF token; is the session signed in?")
    return match.group(1)


class Member(threading.Thread):
    def __init__(self, n: int, session: str, port: int, deadline: float, log: list) -> None:
        super().__init__(daemon=True)
        self.n, self.port, self.deadline, self.log = n, port, deadline, log
        self.cookies = {"sessionid": session}

    def request(self, method: str, path: str, body: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        try:
            conn.request(method, path, body=data, headers=headers)
            resp = conn.getresponse()
            text = resp.read().decode("utf-8", "replace")
            for header, value in resp.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return resp.status, resp.getheader("Location") or "", text
        finally:
            conn.close()

    def run(self) -> None:
        status, _, page = self.request("GET", "/checkin/")
        token = extract_csrf(page)
        i = 0
        while time.monotonic() < self.deadline:
            kind = "checkin" if i % 2 == 0 else "entry"
            marker = f"{self.n}-{i}"
            if kind == "checkin":
                path = "/checkin/"
                form = {s: (self.n + i + k) % 11 for k, s in enumerate(SCALES)}
                form["note"] = f"A hard evening, but I am here. fault-{marker}"
            else:
                path = "/journal/new/"
                form = {
                    "title": f"Evening {marker}",
                    "body": f"I wrote this down so I would not carry it. fault-{marker}",
                    "tags": "evening, fault",
                }
            form["csrfmiddlewaretoken"] = token
            started = time.monotonic()
            try:
                status, location, page = self.request("POST", path, form)
                outcome = {"status": status, "location": location}
                if status >= 500:
                    outcome["kind_page"] = KIND_ERROR_PAGE in page
                if status == 200:
                    outcome["snippet"] = re.sub(r"\s+", " ", page)[:200]
            except (OSError, http.client.HTTPException) as exc:
                outcome = {"status": type(exc).__name__}
            if outcome.get("status") != 302:
                # A member who sees an error tries again after a moment, not
                # in a tight loop; this keeps the error count a count of tries.
                time.sleep(ERROR_PAUSE)
            outcome.update(
                kind=kind, marker=marker, t=started, ms=(time.monotonic() - started) * 1000
            )
            self.log.append(outcome)
            i += 1


def wait_http(port: int, timeout: float = 60) -> None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("The web server did not answer /health/ in time.")


def one_run(seconds: float, at: float, down: float, mode: str, health_checks: bool) -> dict:
    base = Path(tempfile.mkdtemp(prefix="reclaim-fault-pg-"))
    base.chmod(0o755)
    cluster: Cluster | None = None
    web: subprocess.Popen | None = None
    started_cluster = False
    try:
        cluster = Cluster(base)
        cluster.start()
        started_cluster = True
        cluster.run(
            pg_bin("createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(cluster.port),
            "-U",
            "postgres",
            "reclaim",
        )
        data = base / "data"
        data.mkdir()
        env = {
            **os.environ,
            "DATABASE_URL": cluster.url("reclaim"),
            "RECLAIM_DATA_DIR": str(data),
            "RECLAIM_LOG_LEVEL": "ERROR",
            "PYTHONPATH": str(ROOT),
        }
        for name in (
            "REDIS_URL",
            "RECLAIM_MASTER_KEYS",
            "RECLAIM_MASTER_KEYS_FILE",
            "DJANGO_SETTINGS_MODULE",
        ):
            env.pop(name, None)
        env["DJANGO_SETTINGS_MODULE"] = "reclaim.settings"
        if not health_checks:
            # To show what the setting does: persistent connections reused
            # without a check after the restart.
            (base / "no_health_checks.py").write_text(
                "from reclaim.settings import *  # noqa: F403\n"
                "DATABASES['default']['CONN_HEALTH_CHECKS'] = False  # noqa: F405\n"
            )
            env["DJANGO_SETTINGS_MODULE"] = "no_health_checks"
            env["PYTHONPATH"] = os.pathsep.join([str(base), str(ROOT)])
        py = sys.executable
        subprocess.run(
            [py, "-m", "reclaim.cli", "migrate"], env=env, check=True, capture_output=True
        )
        seeded = subprocess.run(
            [py, "-c", SEED, str(CLIENTS)], env=env, check=True, capture_output=True, text=True
        )
        sessions = json.loads(seeded.stdout.strip().splitlines()[-1])
        port = free_port()
        web = subprocess.Popen(
            [py, "-m", "reclaim.cli", "web", "--bind", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(base / "web.log", "w"),  # noqa: SIM115 - closed with the process.
            start_new_session=True,
        )
        wait_http(port)

        log: list[dict] = []
        t0 = time.monotonic()
        members = [Member(n, s, port, t0 + seconds, log) for n, s in enumerate(sessions)]
        for m in members:
            m.start()
        time.sleep(max(0.0, t0 + at - time.monotonic()))
        down_at = time.monotonic()
        cluster.stop(mode)
        time.sleep(down)
        cluster.start()
        up_at = time.monotonic()
        for m in members:
            m.join(timeout=seconds + 60)

        os.killpg(web.pid, signal.SIGTERM)
        web.wait(timeout=30)
        verified = subprocess.run(
            [py, "-c", VERIFY % (SCALES,)], env=env, check=True, capture_output=True, text=True
        )
        db = json.loads(verified.stdout.strip().splitlines()[-1])
        return summarise(log, db, down_at, up_at)
    finally:
        if web is not None and web.poll() is None:
            os.killpg(web.pid, signal.SIGKILL)
            web.wait()
        if cluster is not None and started_cluster:
            # It may already be stopped if the run failed mid-restart.
            with contextlib.suppress(subprocess.CalledProcessError):
                cluster.stop("immediate")
        shutil.rmtree(base, ignore_errors=True)


def summarise(log: list[dict], db: dict, down_at: float, up_at: float) -> dict:
    rows = collections.defaultdict(list)
    for row in db["found"]:
        rows[(row["kind"], row["marker"])].append(row["id"])
    acked = missing = wrong_id = duplicated = committed_unacked = 0
    errors: collections.Counter[str] = collections.Counter()
    kind_pages = plain_pages = 0
    first_ok_after_up = None
    sent = set()
    for out in log:
        key = (out["kind"], out["marker"])
        sent.add(key)
        match = SAVED[out["kind"]].match(out.get("location", "")) if out["status"] == 302 else None
        if match:
            acked += 1
            ids = rows.get(key, [])
            if not ids:
                missing += 1
            elif len(ids) > 1:
                duplicated += 1
            elif ids[0] != match.group(1):
                wrong_id += 1
            if out["t"] >= up_at and first_ok_after_up is None:
                first_ok_after_up = out["t"] - up_at
        else:
            errors[str(out["status"])] += 1
            if out.get("kind_page") is True:
                kind_pages += 1
            elif out.get("kind_page") is False:
                plain_pages += 1
            if rows.get(key):
                committed_unacked += 1
    unknown = [k for k in rows if k not in sent]
    # The first 5xx or connection error after the cluster came back shows
    # whether persistent connections were refreshed (health checks) or not.
    failed = [o for o in log if o["status"] != 302]
    late_errors = [o for o in failed if o["t"] >= up_at + 0.5]
    phases = {
        "before_stop": sum(1 for o in failed if o["t"] + o["ms"] / 1000 < down_at),
        "while_down": sum(
            1 for o in failed if o["t"] + o["ms"] / 1000 >= down_at and o["t"] < up_at
        ),
        "first_0_5s_after_up": sum(1 for o in failed if up_at <= o["t"] < up_at + 0.5),
        "later": len(late_errors),
    }
    return {
        "requests": len(log),
        "acknowledged": acked,
        "errors": dict(errors),
        "kind_500_pages": kind_pages,
        "plain_500_pages": plain_pages,
        "acknowledged_missing": missing,
        "acknowledged_wrong_id": wrong_id,
        "acknowledged_duplicated": duplicated,
        "half_saved": len(db["half"]),
        "half_saved_rows": db["half"][:5],
        "committed_unacknowledged": committed_unacked,
        "rows_never_sent": len(unknown),
        "down_s": round(up_at - down_at, 2),
        "errors_by_phase": phases,
        "late_error_samples": late_errors[:3],
        "first_ack_after_up_s": None if first_ok_after_up is None else round(first_ok_after_up, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--at", type=float, default=10, help="when to stop the cluster")
    parser.add_argument("--down", type=float, default=3, help="how long it stays down")
    parser.add_argument("--mode", default="immediate", choices=["fast", "immediate"])
    parser.add_argument(
        "--no-health-checks",
        action="store_true",
        help="turn Django's CONN_HEALTH_CHECKS off, to see what it does",
    )
    args = parser.parse_args()
    results = []
    for n in range(args.runs):
        result = one_run(args.seconds, args.at, args.down, args.mode, not args.no_health_checks)
        results.append(result)
        print(f"run {n + 1}: {json.dumps(result, default=str)}", flush=True)
    # The promise: every acknowledged save is there once, as named, and whole.
    checked = (
        "acknowledged_missing",
        "acknowledged_wrong_id",
        "acknowledged_duplicated",
        "half_saved",
    )
    bad = [r for r in results if any(r[name] for name in checked)]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
