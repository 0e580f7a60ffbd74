"""Today with 10,000 other members in the database: does a page stay flat in the number of members?

    uv run python bench/flat.py                  # PostgreSQL (database reclaim_flat, dropped afterwards)
    uv run python bench/flat.py --sqlite         # the embedded default, for comparison
    uv run python bench/flat.py --others 2000    # fewer others, a quicker run

It seeds one member with a year of use (as bench/http.py does), then
measures Today in this process through Django's test client: the median
of many requests, in three phases on the same data folder and database:

1. the member alone;
2. with 10,000 other members, each with a week of check-ins and three
   journal entries (their sealed values are random bytes: nothing opens
   them), after ANALYZE, as a real database would have;
3. the others deleted again (then ANALYZE), so a drift of the machine
   between phases shows as a difference between 1 and 3.

Then it prints the plan PostgreSQL chooses for each query the page makes,
with the other members in place, and says which index each one uses: a
page that reads "this member's rows" must find them through an index on
the owner, never by reading every member's rows.
"""

from __future__ import annotations

from paths import from_the_repository_root

from_the_repository_root()

import argparse
import os
import re
import secrets
import statistics
import sys
import time
from datetime import timedelta
from typing import Any

from bench.installation import set_up

PASSWORD = "bench-password-long"
NAME = "reclaim_flat"


def seed_member() -> Any:
    from django.utils import timezone

    from reclaim.accounts.models import User
    from reclaim.assessments.demo import seed_results
    from reclaim.checkins.demo import seed_checkins
    from reclaim.journal.demo import seed_journal
    from reclaim.toolkit.demo import seed_toolkit
    from reclaim.vault.crypto import key_cache

    member = User.objects.create_user(
        username="member",
        password=PASSWORD,
        timezone="Europe/London",
        country="GB",
        onboarded=timezone.now(),
    )
    with key_cache():
        seed_checkins(member, 365)
        seed_journal(member, 365, count=200)
        seed_results(member, days=365)
        seed_toolkit(member, 365, timezone.localdate())
    return member


def add_others(count: int) -> None:
    """`count` members, each with a week of check-ins, three entries and what every member has."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from reclaim.accounts.models import User
    from reclaim.checkins.models import CheckIn
    from reclaim.journal.models import Entry
    from reclaim.learn.models import Progress
    from reclaim.vault.models import DataKey

    now = timezone.now()
    today = timezone.localdate()
    password = make_password(None)
    batch = 1000
    for first in range(0, count, batch):
        users = User.objects.bulk_create(
            User(
                username=f"other{n}",
                password=password,
                timezone="Europe/London",
                country="GB",
                onboarded=now,
            )
            for n in range(first, min(first + batch, count))
        )
        if users[0].pk is None:  # SQLite before 3.35 hands back no ids
            users = list(
                User.objects.filter(username__startswith="other").order_by("-pk")[: len(users)]
            )
        CheckIn.objects.bulk_create(
            CheckIn(
                owner=user,
                day=today - timedelta(days=d),
                created=now - timedelta(days=d),
                scores_sealed=secrets.token_bytes(120),
            )
            for user in users
            for d in range(7)
        )
        # What every member has: a data key, a place in the lessons and a
        # session (signed in somewhere), so those tables are as big as a real
        # installation's and the plans below are the ones it would get.
        DataKey.objects.bulk_create(
            DataKey(owner=user, master_key_id="bench", wrapped=secrets.token_bytes(60))
            for user in users
        )
        Progress.objects.bulk_create(
            Progress(owner=user, lessons_sealed=secrets.token_bytes(80)) for user in users
        )
        Session.objects.bulk_create(
            Session(
                session_key=secrets.token_hex(16),
                session_data=secrets.token_urlsafe(150),
                expire_date=now + timedelta(days=14),
            )
            for _ in users
        )
        Entry.objects.bulk_create(
            Entry(
                owner=user,
                day=today - timedelta(days=d),
                created=now - timedelta(days=d),
                title_sealed=secrets.token_bytes(60),
                body_sealed=secrets.token_bytes(400),
                tags_sealed=secrets.token_bytes(40),
            )
            for user in users
            for d in range(3)
        )


def remove_others() -> None:
    from django.contrib.sessions.models import Session

    from reclaim.accounts.models import User

    User.objects.filter(username__startswith="other").delete()
    Session.objects.exclude(session_key__in=list(_signed_in)).delete()


# The member's own session, kept when the others' are removed.
_signed_in: set[str] = set()


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(client: Any, path: str, runs: int) -> float:
    """The median of `runs` requests, in milliseconds, after a few to warm up."""
    for _ in range(20):
        assert client.get(path).status_code == 200
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(times)


def page_queries(client: Any, path: str) -> list[tuple[str, Any]]:
    """Every query one request of `path` makes, with its parameters."""
    from django.db import connection

    seen: list[tuple[str, Any]] = []

    def note(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        seen.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(note):
        assert client.get(path).status_code == 200
    return seen


def explain(queries: list[tuple[str, Any]]) -> list[str]:
    """PostgreSQL's plan for each SELECT, and the index each one reads through."""
    from django.db import connection

    lines = []
    with connection.cursor() as cursor:
        for sql, params in queries:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            table = re.search(r'FROM "(\w+)"', sql)
            cursor.execute("EXPLAIN " + sql, params)
            plan = [row[0] for row in cursor.fetchall()]
            indexes = sorted(
                set(re.findall(r"Index (?:Only )?Scan (?:Backward )?using (\w+)", "\n".join(plan)))
            )
            scans = re.findall(r"Seq Scan on (\w+)", "\n".join(plan))
            verdict = f"index {', '.join(indexes)}" if indexes else "no index"
            if scans:
                verdict += f"; reads all of {', '.join(scans)}"
            lines.append(f"- {table.group(1) if table else '?'}: {verdict}")
            lines.extend(f"      {step}" for step in plan)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true", help="the embedded default instead")
    parser.add_argument("--others", type=int, default=10_000, help="how many other members")
    parser.add_argument("--runs", type=int, default=300, help="requests per phase")
    args = parser.parse_args()

    os.environ["RECLAIM_ALLOWED_HOSTS"] = "testserver"
    set_up(NAME, postgres=not args.sqlite)
    from django.core.management import call_command
    from django.test import Client

    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)
    seed_member()
    client = Client()
    response = client.post("/account/login/", {"login": "member", "password": PASSWORD})
    assert response.status_code == 302, "the member could not sign in"
    _signed_in.add(client.session.session_key)
    path = "/today/"
    analyze()

    alone = measure(client, path, args.runs)
    started = time.perf_counter()
    add_others(args.others)
    analyze()
    seeded = time.perf_counter() - started
    crowded = measure(client, path, args.runs)
    plans = [] if args.sqlite else explain(page_queries(client, path))
    remove_others()
    analyze()
    alone_again = measure(client, path, args.runs)

    engine = "SQLite" if args.sqlite else "PostgreSQL"
    print(f"{engine}; Today for a member with a year of use; {args.runs} requests a phase, median")
    print(
        f"(the {args.others:,} others, each with a week of check-ins, three entries, a data "
        f"key, a place in the lessons and a session, took {seeded:.0f} s to add)"
    )
    print()
    print("| phase | median ms | against alone |")
    print("|---|---:|---:|")
    print(f"| alone | {alone:.2f} | 100% |")
    print(f"| with {args.others:,} other members | {crowded:.2f} | {crowded / alone:.0%} |")
    print(f"| alone again | {alone_again:.2f} | {alone_again / alone:.0%} |")
    if plans:
        print()
        print(f"Plans with the {args.others:,} others in place:")
        print("\n".join(plans))
    if not args.sqlite:
        from django.db import connections

        connections.close_all()
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {NAME}")


if __name__ == "__main__":
    sys.exit(main())
