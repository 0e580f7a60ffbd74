"""Server time, query counts and HTML size of member pages, with a year of data.

    uv run python bench/pages.py                 # SQLite (the embedded default)
    uv run python bench/pages.py --postgres      # the local PostgreSQL

It builds a fresh database in a temporary data folder (or the PostgreSQL
database `reclaim_bench`, dropped and made anew), seeds one member with a
year of use (365 days of check-ins, 300 journal entries), a second member
with 1,000 journal entries for search, and two years of questionnaire
results, then requests each page many times through Django's test client
in this process. "Server time" is the time from request to finished
response inside Django: middleware, views, queries, templates; no network.
"""

from __future__ import annotations

from paths import from_the_repository_root

from_the_repository_root()

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.installation import set_up

BUDGET_MS = 50.0
# Public pages are the same for every visitor and mostly served from a shared cache.
PUBLIC_BUDGET_MS = 10.0


@dataclass
class Page:
    name: str
    path: str
    who: str = "member"
    budget_ms: float = BUDGET_MS


def _configure(postgres: bool) -> None:
    os.environ["RECLAIM_ALLOWED_HOSTS"] = "testserver"
    set_up("reclaim_bench", postgres)
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)


def _seed() -> dict[str, object]:
    from django.utils import timezone

    from reclaim.accounts.models import User
    from reclaim.checkins.demo import seed_checkins
    from reclaim.journal.demo import seed_journal
    from reclaim.toolkit.demo import seed_toolkit
    from reclaim.vault.crypto import key_cache

    def make(username: str) -> User:
        return User.objects.create_user(
            username=username,
            password="bench-password-long",
            timezone="Europe/London",
            country="GB",
            onboarded=timezone.now(),
        )

    from reclaim.assessments.demo import seed_results

    member, searcher, longterm = make("member"), make("searcher"), make("longterm")
    started = time.perf_counter()
    with key_cache():
        # A year of use: the budget's reference member.
        seed_checkins(member, 365)
        seed_journal(member, 365, count=300)
        seed_results(member, days=365)
        # Search over many entries.
        seed_journal(searcher, 730, count=1000)
        # Two years of use, for the progress page and the PDF.
        seed_checkins(longterm, 730)
        seed_journal(longterm, 730, count=400)
        seed_results(longterm, days=730)
        # A year in every tool of the toolkit, through each tool's own seed.
        seed_toolkit(member, 365, timezone.localdate())
    _seed_practice()
    print(
        f"seeded in {time.perf_counter() - started:.1f} s: member {member.checkins.count()} "
        f"check-ins, {member.journal_entries.count()} entries, "
        f"{member.assessment_results.count()} results; searcher "
        f"{searcher.journal_entries.count()} entries; longterm {longterm.checkins.count()} "
        f"check-ins, {longterm.assessment_results.count()} results"
    )
    return {"member": member, "searcher": searcher, "longterm": longterm}


def _seed_practice() -> None:
    """A practice with twelve published articles of a few hundred words, for the public pages."""
    from reclaim.accounts.models import User
    from reclaim.practice.tests.makers import make_article, make_image, make_profile, make_topic

    writer = User.objects.create_user(username="writer", password="bench-password-long")
    profile = make_profile(writer, "Sam Rivera")
    topics = [make_topic(name) for name in ("Anger", "Trust", "Worth")]
    paragraph = "What happened is not a verdict on your worth. You can go at your own pace. "
    for number in range(12):
        make_article(
            profile,
            f"Article {number}",
            "\n\n".join([paragraph * 4] * 8),
            summary="A short summary of this article.",
            topics=(topics[number % 3],),
            cover=make_image(1200, 630) if number == 0 else None,
            cover_alt="A lake",
            days_ago=number + 1,
        )
    _seed_webinar(writer)


def _seed_webinar(writer: object) -> None:
    """A published webinar a week ahead, full (40 places) with ten people waiting."""
    from datetime import timedelta

    from django.utils import timezone

    from reclaim.practice.actions.webinars import do_publish_webinar, do_save_webinar
    from reclaim.practice.models import Registration

    webinar = do_save_webinar(
        writer,
        None,
        title="The first weeks",
        slug="the-first-weeks",
        description="An hour on the first weeks.\n\n" * 6,
        start=timezone.now() + timedelta(days=7),
        duration_minutes=60,
        zone="Europe/London",
        capacity=40,
        room_link="https://video.example.org/room/bench",
        replay_link="",
        replay_until=None,
    )
    do_publish_webinar(writer, webinar)
    waiting = Registration.State.WAITLISTED
    Registration.objects.bulk_create(
        Registration(
            webinar=webinar,
            owner_id=webinar.host.user_id,
            name=f"Guest {n}",
            email=f"guest{n}@example.org",
            state=Registration.State.CONFIRMED if n < 40 else waiting,
            position=n - 39 if n >= 40 else None,
            confirmed_at=timezone.now(),
        )
        for n in range(50)
    )
    _seed_consultations(writer)


def _seed_consultations(writer: object) -> None:
    """Eight weeks of consultation hours (weekdays, two spans a day) and every seventh free time booked."""
    from datetime import time as clock

    from django.utils import timezone

    from reclaim.practice.actions import consultations as consult
    from reclaim.practice.queries.consultations import free_slots_for

    consult.do_save_consultation_settings(
        writer,
        offered=True,
        slot_minutes=30,
        buffer_after_minutes=10,
        notice_hours=2,
        horizon_days=56,
        daily_maximum=6,
        intake_questions=["What brings you here?"],
    )
    for weekday in range(5):
        consult.do_add_weekly_hours(writer, weekday, clock(9), clock(12))
        consult.do_add_weekly_hours(writer, weekday, clock(13), clock(18))
    now = timezone.now()
    # Every seventh free time held and confirmed, as visitors would have done.
    for number, slot in enumerate(free_slots_for(writer, now)):
        if number % 7 == 0:
            held = consult.do_hold_booking(
                writer,
                slot.start,
                name="Visitor",
                contact=f"v{number}@example.org",
                zone="America/New_York",
                answers=[],
                now=now,
            )
            consult.do_confirm_booking(held, held.version, now)


def _measure(get: Callable[[], object], runs: int) -> tuple[list[float], int]:
    times, queries, _ = _measure_with_size(get, runs)
    return times, queries


def _measure_with_size(get: Callable[[], object], runs: int) -> tuple[list[float], int, int]:
    """Each request's time in ms, the queries of the last one, and its HTML's bytes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    get()  # warm caches of templates and the URL resolver
    times = []
    queries = 0
    size = 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = get()
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (response.status_code, getattr(response, "url", ""))
        queries = len(ctx.captured_queries)
        size = len(response.content)  # type: ignore[attr-defined]
    return times, queries, size


def _pages() -> list[Page]:
    from django.urls import NoReverseMatch, reverse

    wanted = [
        ("Today (dashboard)", "progress:today", None, "member"),
        ("Check-in form", "checkins:new", None, "member"),
        ("Check-in history", "checkins:history", None, "member"),
        ("Journal list", "journal:list", None, "member"),
        ("Journal search, 300 entries", "journal:list", "?q=morning", "member"),
        ("Journal search, 1,000 entries", "journal:list", "?q=morning", "searcher"),
        ("Progress page, 1 year", "progress:progress", None, "member"),
        ("Progress page, 2 years", "progress:progress", None, "longterm"),
        (
            "Progress page, 2 years, 90 days of check-ins",
            "progress:progress",
            "?days=90",
            "longterm",
        ),
        ("Questionnaires", "assessments:index", None, "member"),
        ("Toolkit", "toolkit:index", None, "member"),
        *[(f"Tool: {tool.name}, 1 year", tool.index, None, "member") for tool in _toolkit_tools()],
        ("Learn: the program", "learn:index", None, "member"),
    ]
    pages = []
    for name, url_name, query, who in wanted:
        try:
            pages.append(Page(name, reverse(url_name) + (query or ""), who))
        except NoReverseMatch:
            continue
    pages.extend(_lesson_pages())
    pages.append(Page("Public: home page", reverse("core:home"), "visitor", PUBLIC_BUDGET_MS))
    pages.append(
        Page(
            "Public: an article",
            reverse("site:article", args=["article-0"]),
            "visitor",
            PUBLIC_BUDGET_MS,
        )
    )
    pages.append(
        Page(
            "Public: a webinar, full, with a wait-list",
            reverse("site:webinar", args=["the-first-weeks"]),
            "visitor",
            PUBLIC_BUDGET_MS,
        )
    )
    pages.append(
        Page("Public: the webinars", reverse("site:webinars"), "visitor", PUBLIC_BUDGET_MS)
    )
    pages.append(
        Page(
            "Public: consultation times, 8 weeks",
            reverse("site:consultation_times", args=["sam-rivera"]) + "?zone=America/New_York",
            "visitor",
        )
    )
    return pages


def _toolkit_tools() -> list:
    from reclaim.toolkit.registry import TOOLS

    return list(TOOLS)


def _lesson_pages() -> list[Page]:
    """The longest lesson: the most Markdown to render."""
    from django.urls import reverse

    from reclaim.learn.lessons import all_lessons

    longest = max(all_lessons(), key=lambda lesson: lesson.words)
    return [Page("Learn: a lesson", reverse("learn:lesson", args=[longest.slug]))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument(
        "--public-only", action="store_true", help="only the public site's pages (seeds no members)"
    )
    parser.add_argument(
        "--sharing-only",
        action="store_true",
        help="only the practitioner's client list and a client page (50 clients, a year each)",
    )
    args = parser.parse_args()
    _configure(args.postgres)
    if args.sharing_only:
        _bench_sharing(args.runs)
        return

    from django.db import connection
    from django.test import Client

    if args.public_only:
        _seed_practice()
        people = {}
    else:
        people = _seed()
    clients = {}
    for who, user in people.items():
        client = Client()
        client.force_login(user)
        clients[who] = client
    # A signed-out visitor with no cookie, as a public page's reader is.
    clients["visitor"] = Client()

    # A bare view behind the same middleware, measured in this same run: each
    # page's share of its throughput says more than a lone time on a shared,
    # noisy machine.
    bare = _bare_median(clients["visitor"], args.runs)
    print(f"\ndatabase: {connection.vendor}; {args.runs} requests per page")
    print(f"bare view (same middleware, no work): median {bare:.2f} ms\n")
    print("| page | median ms | p95 ms | queries | HTML bytes | throughput vs bare view |")
    print("|---|---:|---:|---:|---:|---:|")
    over = []
    pages = [p for p in _pages() if p.who == "visitor" or not args.public_only]
    for page in pages:
        client = clients[page.who]
        times, queries, size = _measure_with_size(lambda c=client, p=page.path: c.get(p), args.runs)
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[18]
        share = bare / median if median else 0.0
        print(f"| {page.name} | {median:.1f} | {p95:.1f} | {queries} | {size:,} | {share:.0%} |")
        if median > page.budget_ms:
            over.append(page.name)

    for line in _extras(people) if people else []:
        print(line)
    if over:
        print(f"\nover their median budget: {', '.join(over)}")


# A year of a client who shares everything: PHQ-9 and GAD-7 every two weeks,
# WHO-5 and PCL-5 monthly.
CLIENT_YEAR = {"phq9": 26, "gad7": 26, "who5": 12, "pcl5": 12}
CLIENTS = 50


def _bench_sharing(runs: int) -> None:
    """The client list with 5 and with 50 clients, and one client's page, each sharing a year."""
    from allauth.mfa.totp.internal.auth import TOTP
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from reclaim.accounts.models import User
    from reclaim.assessments.demo import seed_results
    from reclaim.checkins.demo import seed_checkins
    from reclaim.sharing import actions

    practitioner = User.objects.create_user(
        username="practitioner", password="bench-password-long", role="practitioner"
    )
    TOTP.activate(practitioner, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = Client()
    client.force_login(practitioner)
    first = None

    def add_clients(count: int, start: int) -> None:
        nonlocal first
        for number in range(start, start + count):
            member = User.objects.create_user(
                username=f"client{number}",
                password="bench-password-long",
                timezone="Europe/London",
                country="GB",
                onboarded=timezone.now(),
            )
            seed_results(member, CLIENT_YEAR, days=365)
            connection = actions.do_connect(
                member, actions.do_invite_client(practitioner).code, f"Client {number}"
            )
            actions.do_set_switches(
                connection,
                results=list(CLIENT_YEAR),
                answers=["phq9"],
                trends=True,
                safety_plan=False,
            )
            if first is None:
                seed_checkins(member, 365)
                first = connection

    started = time.perf_counter()
    add_clients(5, 0)
    rows = []
    times, queries = _measure(lambda: client.get(reverse("practice:clients")), runs)
    rows.append(("Client list, 5 clients", times, queries))
    add_clients(CLIENTS - 5, 5)
    print(
        f"seeded {CLIENTS} clients with a year of results in {time.perf_counter() - started:.1f} s"
    )
    times, queries = _measure(lambda: client.get(reverse("practice:clients")), runs)
    rows.append((f"Client list, {CLIENTS} clients", times, queries))
    assert first is not None
    page = reverse("practice:client", args=[first.pk])
    times, queries = _measure(lambda: client.get(page), runs)
    rows.append(("Client page: 4 questionnaires, PHQ-9 answers, 8 weeks of trends", times, queries))
    print(f"\n{runs} requests per page")
    print("| page | median ms | p95 ms | queries |")
    print("|---|---:|---:|---:|")
    for name, times, queries in rows:
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[18]
        flag = "" if median <= BUDGET_MS else " (over budget)"
        print(f"| {name} | {median:.1f}{flag} | {p95:.1f} | {queries} |")


def _bare_median(client: object, runs: int) -> float:
    """The median time of a view that does nothing, through every middleware."""
    import types

    from django.http import HttpResponse
    from django.test.utils import override_settings
    from django.urls import path

    import reclaim.urls

    module = types.ModuleType("bench_bare_urls")
    module.urlpatterns = [  # type: ignore[attr-defined]
        path("bench-bare/", lambda request: HttpResponse("ok")),
        *reclaim.urls.urlpatterns,
    ]
    sys.modules[module.__name__] = module
    with override_settings(ROOT_URLCONF=module.__name__):
        times, _ = _measure(lambda: client.get("/bench-bare/"), runs)  # type: ignore[attr-defined]
    return statistics.median(times)


def _opening_checkins(people: dict[str, object]) -> list[str]:
    """How long opening and averaging sealed check-in numbers takes, outside any page."""
    from datetime import timedelta

    from reclaim.checkins.models import local_day
    from reclaim.checkins.queries import daily_means
    from reclaim.vault.crypto import key_cache

    member = people["longterm"]
    today = local_day(member)
    lines = ["\nOpening sealed check-in numbers (daily_means, key already open, 20 runs):"]
    for days in (365, 730):
        times = []
        with key_cache():
            daily_means(member, today - timedelta(days=days - 1), today)
            for _ in range(20):
                started = time.perf_counter()
                means = daily_means(member, today - timedelta(days=days - 1), today)
                times.append((time.perf_counter() - started) * 1000)
        count = member.checkins.filter(day__gt=today - timedelta(days=days)).count()
        lines.append(
            f"- {days} days ({count} check-ins, {len(means)} days): "
            f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms"
        )
    return lines


def _extras(people: dict[str, object]) -> list[str]:
    """Timings that are not a page: opening check-ins, and the PDF summary if it exists yet."""
    lines = _opening_checkins(people)
    try:
        from reclaim.progress.summary import render_summary_pdf
    except ImportError:
        return lines
    member = people["longterm"]
    entry_ids = list(member.journal_entries.order_by("-created").values_list("pk", flat=True)[:5])
    times = []
    size = 0
    for _ in range(5):
        started = time.perf_counter()
        pdf = render_summary_pdf(member, entry_ids=entry_ids, days=365)
        times.append((time.perf_counter() - started) * 1000)
        size = len(pdf)
    lines.append(
        f"\nTherapy-ready summary PDF (2 years of data, last 365 days, 5 excerpts): median {statistics.median(times):.0f} ms, "
        f"max {max(times):.0f} ms, {size / 1024:.0f} KiB (5 runs)"
    )
    return lines


if __name__ == "__main__":
    main()
