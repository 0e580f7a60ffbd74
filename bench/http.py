"""Throughput of member pages over HTTP on `reclaim web`, against a bare view in the same run.

    apt-get install -y wrk                       # the load tool (Debian's package)
    uv run python bench/http.py                  # SQLite, the embedded default
    uv run python bench/http.py --postgres       # PostgreSQL + Redis
    uv run python bench/http.py --ten-years      # also a member with ten years

It builds a fresh data folder (a temporary directory; with --postgres the
PostgreSQL database `reclaim_bench`, dropped and made anew, and Redis
database 9, emptied; all removed again at the end unless --keep), seeds a member with a year of use (about 520
check-ins, 200 journal entries, 50 questionnaire results, a year in every
tool) and, with --ten-years, one with ten (3,650 days of check-ins, 2,000
entries), then starts `reclaim web` exactly as a host does, with its default
workers and threads. The only difference is the settings module
(bench/http_settings.py), which puts a bare view in front of the product's
URLs: every middleware, no page work. The members sign in with a real POST
to the sign-in page.

Before the load, every page is fetched once with Python and must answer 200
(a redirect to the sign-in page would look fast); the bare view must say it
saw the member signed in. Then wrk (8 connections; with no wrk, a small
threaded Python client, which measures the client as much as the server)
drives each page in interleaved rounds, best of each, and counts every
answer that is not a 200. Each page's throughput is given as a share of the
anonymous bare view's in the same run: on a shared machine, a ratio within
one run means more than a lone number.
"""

from __future__ import annotations

# This file is named http.py: its folder must not stand in for the standard
# library's `http` package, which Django and this script import.
from paths import ROOT, from_the_repository_root

from_the_repository_root()

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

PASSWORD = "bench-password-long"
POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/reclaim_bench"
REDIS_URL = "redis://127.0.0.1:6379/9"
CONNECTIONS = 8

# wrk counts only 4xx and 5xx as errors; a redirect to the sign-in page must
# count too, so every status that is not a 200 is counted here.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_ok = 0 end
function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("not_ok") end
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


@dataclass
class Page:
    name: str
    path: str
    who: str  # "" for a visitor who is not signed in
    expect: str = ""  # words the verified page must contain
    body_bytes: int = 0
    rounds: list[Result] = field(default_factory=list)

    def best(self) -> Result:
        return max(self.rounds, key=lambda r: r.per_second)


@dataclass
class Result:
    per_second: float
    median_ms: float
    p99_ms: float
    not_ok: int


# --- pure helpers (no Django, no server) -------------------------------------


def parse_wrk(output: str) -> Result:
    """The RESULT line our wrk script prints: requests, µs, p50 µs, p99 µs, not 200, errors."""
    match = re.search(r"^RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", output, re.M)
    if not match:
        raise RuntimeError(f"wrk gave no result:\n{output}")
    requests, micros, p50, p99, bad, errors = (int(x) for x in match.groups())
    return Result(requests / (micros / 1e6), p50 / 1000, p99 / 1000, bad + errors)


def summarise(times_ms: list[float], seconds: float, not_ok: int) -> Result:
    ordered = sorted(times_ms)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0
    median = statistics.median(ordered) if ordered else 0.0
    return Result(len(ordered) / seconds, median, p99, not_ok)


def table(pages: list[Page], reference: Page) -> list[str]:
    base = reference.best().per_second
    lines = [
        "| request | requests/s | median ms | p99 ms | bytes | share of bare view |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for page in pages:
        best = page.best()
        lines.append(
            f"| {page.name} | {best.per_second:,.0f} | {best.median_ms:.1f} | {best.p99_ms:.1f} "
            f"| {page.body_bytes:,} | {best.per_second / base:.1%} |"
        )
    return lines


# --- the data folder, the members, the server --------------------------------


def configure(postgres: bool) -> str:
    """Environment for this process and the server: a fresh data folder and database."""
    data = tempfile.mkdtemp(prefix="reclaim-http-bench-")
    env = os.environ
    env["RECLAIM_DATA_DIR"] = data
    env["DJANGO_SETTINGS_MODULE"] = "bench.http_settings"
    env["PYTHONPATH"] = os.pathsep.join([ROOT, *filter(None, [env.get("PYTHONPATH")])])
    # The server's own defaults, as a host who set nothing gets them.
    for name in ("RECLAIM_WEB_WORKERS", "RECLAIM_WEB_THREADS", "RECLAIM_BIND", "RECLAIM_HTTPS"):
        env.pop(name, None)
    if postgres:
        import psycopg
        import redis

        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS reclaim_bench")
            connection.execute("CREATE DATABASE reclaim_bench")
        redis.Redis.from_url(REDIS_URL).flushdb()
        env["DATABASE_URL"], env["REDIS_URL"] = POSTGRES_URL, REDIS_URL
    else:
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
    return data


def seed(ten_years: bool) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from reclaim.assessments.demo import seed_results
    from reclaim.checkins.demo import seed_checkins
    from reclaim.cli import prepare
    from reclaim.journal.demo import seed_journal
    from reclaim.toolkit.demo import seed_toolkit
    from reclaim.vault.crypto import key_cache

    prepare()

    def make(username: str):
        return get_user_model().objects.create_user(
            username=username,
            password=PASSWORD,
            timezone="Europe/London",
            country="GB",
            onboarded=timezone.now(),
        )

    started = time.perf_counter()
    with key_cache():
        year = make("year")
        seed_checkins(year, 365)
        seed_journal(year, 365, count=200)
        seed_results(year, days=365)
        seed_toolkit(year, 365, timezone.localdate())
        if ten_years:
            decade = make("decade")
            seed_checkins(decade, 3650)
            seed_journal(decade, 3650, count=2000)
            seed_results(decade, days=3650)
    counts = [
        f"{user.username}: {user.checkins.count()} check-ins, "
        f"{user.journal_entries.count()} entries, {user.assessment_results.count()} results"
        for user in get_user_model().objects.order_by("pk")
    ]
    print(f"seeded in {time.perf_counter() - started:.0f} s; " + "; ".join(counts))
    # The server opens its own connections; this process keeps none.
    connection.close()


def clean_up(data: str, postgres: bool) -> None:
    """Remove what configure() made: the data folder, and the database and Redis keys."""
    shutil.rmtree(data, ignore_errors=True)
    if postgres:
        import psycopg
        import redis
        from django.db import connections

        connections.close_all()
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS reclaim_bench")
        redis.Redis.from_url(REDIS_URL).flushdb()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, data: str, options: list[str]) -> subprocess.Popen[bytes]:
    """`reclaim web`, as a host types it; its output goes to a file in the data folder.

    `options` are more of `reclaim web`'s options (`--workers 2 --threads 4`),
    to compare with its defaults.
    """
    command = shutil.which("reclaim", path=os.path.dirname(sys.executable))
    argv = [command] if command else [sys.executable, "-m", "reclaim.cli"]
    log = open(os.path.join(data, "server.log"), "wb")  # noqa: SIM115 - kept open for the server
    server = subprocess.Popen(
        [*argv, "web", "--bind", f"127.0.0.1:{port}", *options],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"reclaim web stopped; see {data}/server.log")
        try:
            status, _, _ = get(port, "/health/", "")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("reclaim web did not answer within a minute")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    # The server and the gunicorn it started share the session made for them.
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


# --- HTTP with Python: signing in, checking, and the fallback load ------------


def get(port: int, path: str, cookie: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def cookies_from(headers: list[tuple[str, str]]) -> dict[str, str]:
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            found[key.strip()] = rest.split(";", 1)[0]
    return found


def sign_in(port: int, username: str) -> str:
    """A real sign-in: the form's CSRF token, then the POST. Returns the Cookie header."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/account/login/")
    response = connection.getresponse()
    page = response.read().decode()
    jar = cookies_from(response.getheaders())
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not token:
        raise RuntimeError("the sign-in page has no CSRF token")
    body = urllib.parse.urlencode(
        {"login": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)}
    )
    connection.request(
        "POST",
        "/account/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
        },
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    jar.update(cookies_from(response.getheaders()))
    if response.status != 302 or "sessionid" not in jar:
        raise RuntimeError(f"signing in as {username} failed ({response.status})")
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def verify(port: int, page: Page, cookie: str) -> None:
    """The page answers 200 with what it should say, before any load."""
    for _ in range(2):  # the first visit may hand over a notice; the second is the steady one
        status, headers, body = get(port, page.path, cookie)
        if status != 200:
            raise RuntimeError(f"{page.name}: {status} {headers.get('Location', '')}")
    if page.expect and page.expect not in body.decode():
        raise RuntimeError(f"{page.name}: the page does not say {page.expect!r}")
    page.body_bytes = len(body)


def python_load(port: int, path: str, cookie: str, seconds: float) -> Result:
    """The fallback without wrk: CONNECTIONS threads, each on one kept-alive connection."""
    times: list[float] = []
    not_ok = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        bad = 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                bad += 1
                connection.close()
                continue
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            times.extend(mine)
            not_ok[0] += bad

    started = time.perf_counter()
    workers = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return summarise(times, time.perf_counter() - started, not_ok[0])


def wrk_load(wrk: str, script: str, port: int, path: str, cookie: str, seconds: float) -> Result:
    command = [
        wrk,
        "--threads",
        "2",
        "--connections",
        str(CONNECTIONS),
        "--duration",
        f"{seconds:g}s",
        "--timeout",
        "30s",
        "--script",
        script,
    ]
    if cookie:
        command += ["--header", f"Cookie: {cookie}"]
    done = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    )
    return parse_wrk(done.stdout)


# --- the run -----------------------------------------------------------------


def pages(ten_years: bool) -> list[Page]:
    from django.urls import reverse

    from bench.http_urls import BARE_PATH

    bare = "/" + BARE_PATH
    found = [
        Page("bare view, anonymous (full middleware, no page work)", bare, "", "signed out"),
        Page("bare view, signed in (the signed-in shell alone)", bare, "year", "signed in"),
        Page("Today, a year", reverse("progress:today"), "year"),
        Page("journal list", reverse("journal:list"), "year"),
        Page("journal search, 200 entries", reverse("journal:list") + "?q=morning", "year"),
        Page("check-in history", reverse("checkins:history"), "year"),
        Page("questionnaires", reverse("assessments:index"), "year"),
        Page("progress", reverse("progress:progress"), "year"),
    ]
    if ten_years:
        found += [
            Page("Today, ten years", reverse("progress:today"), "decade"),
            Page("journal search, 2,000 entries", reverse("journal:list") + "?q=morning", "decade"),
        ]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL + Redis")
    parser.add_argument("--ten-years", action="store_true", help="also a member with ten years")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each measurement")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; best is kept")
    parser.add_argument("--python-client", action="store_true", help="do not use wrk")
    parser.add_argument("--workers", type=int, help="app server processes (default: reclaim web's)")
    parser.add_argument("--threads", type=int, help="threads per process (default: reclaim web's)")
    parser.add_argument(
        "--settle", type=float, default=20.0, help="seconds to let the workers warm up first"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the data folder (and database) afterwards"
    )
    args = parser.parse_args()

    data = configure(args.postgres)
    seed(args.ten_years)
    wanted = pages(args.ten_years)
    port = free_port()
    options = [f"--workers={args.workers}"] if args.workers else []
    options += [f"--threads={args.threads}"] if args.threads else []
    server = start_server(port, data, options)
    # Each worker loads the risk model in the background as it starts (a few
    # seconds of work each); measuring meanwhile would measure that.
    time.sleep(args.settle)
    try:
        cookies = {"": ""}
        for who in sorted({page.who for page in wanted if page.who}):
            cookies[who] = sign_in(port, who)
        for page in wanted:
            verify(port, page, cookies[page.who])
        wrk = None if args.python_client else shutil.which("wrk")
        script = os.path.join(data, "count-not-200.lua")
        with open(script, "w") as out:
            out.write(WRK_SCRIPT)

        def load(page: Page, seconds: float) -> Result:
            if wrk:
                return wrk_load(wrk, script, port, page.path, cookies[page.who], seconds)
            return python_load(port, page.path, cookies[page.who], seconds)

        # A short warm-up of each page: imports, templates, connections.
        for page in wanted:
            load(page, 1)
        for _ in range(args.rounds):
            for page in wanted:
                result = load(page, args.seconds)
                if result.not_ok:
                    raise RuntimeError(f"{page.name}: {result.not_ok} answers were not 200")
                page.rounds.append(result)
        # The session is still signed in: the load measured member pages throughout.
        for page in wanted:
            verify(port, page, cookies[page.who])
    finally:
        stop_server(server)
        if not args.keep:
            clean_up(data, args.postgres)

    from django.db import connection

    tool = f"wrk, {CONNECTIONS} connections" if wrk else f"Python client, {CONNECTIONS} threads"
    print(
        f"\n{connection.vendor}{' + Redis' if args.postgres else ''}; reclaim web "
        f"{' '.join(options) or 'with its defaults'}; {tool}; {args.rounds} interleaved rounds "
        f"of {args.seconds:g} s, best of each; "
        "every answer a 200\n"
    )
    print("\n".join(table(wanted, wanted[0])))
    if args.keep:
        print(f"\nThe data folder is kept: {data}")


if __name__ == "__main__":
    main()
