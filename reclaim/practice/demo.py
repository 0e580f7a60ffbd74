"""The demo practice that `reclaim demo` seeds: a practitioner, their profile, topics, articles.

The words live in `content/`: `practice.yaml` holds the practitioner's
public profile and the topics; `articles/<slug>.md` holds one article each,
Markdown under a short front matter (exactly the fields in FRONT_MATTER).
Everything is written through the practice's own actions, as a practitioner
in the practice area would, so the demo also fills the audit log and the
search index the same way.

The practice is not the demo member's: core calls `seed` for the demo
member, and the practice is made once, whoever asks first. The practitioner
signs in with fixed details (password, authenticator key, backup codes) so
the printed lines work on every run; a demo is never a real installation.
"""

from __future__ import annotations

import functools
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import encrypt
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from reclaim.accounts.roles import Role
from reclaim.vault.fields import create_sealed

from .actions.articles import do_publish_article, do_save_article, do_save_category
from .actions.consultations import do_add_weekly_hours, do_save_consultation_settings
from .actions.profiles import do_save_profile
from .actions.webinars import (
    do_confirm,
    do_publish_webinar,
    do_register,
    do_save_webinar,
)
from .models import Booking

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ARTICLES_DIR = CONTENT_DIR / "articles"
PRACTICE_FILE = CONTENT_DIR / "practice.yaml"

# An article's front matter, exactly.
FRONT_MATTER = ("title", "slug", "summary", "topics")

USERNAME = "practitioner"
PASSWORD = "steady-lantern-evening"
EMAIL = "practitioner@example.org"
# The key an authenticator app is given by hand (base32, time-based codes).
TOTP_SECRET = "S46NTROAXWNHA3U7RLFLOZHNTDAP6IBF"
# allauth derives the backup codes from this seed, so the same codes come out every run.
RECOVERY_SEED = "5d7bc915a55cd396c30b58ce26cf5dd34ae8aae9402279ea8e196cb2214ea7ada3537cf7c3a07f6f"

# The demo webinar: a week ahead, in the evening on the practitioner's clock,
# with a few people registered (addresses at example.org, which takes no mail).
WEBINAR_IN_DAYS = 7
WEBINAR_TIME = time(19, 0)
WEBINAR_ZONE = "Europe/London"
WEBINAR_GUESTS = ("Sky", "Jordan", "R.", "Morgan")

# One article stays a draft and one is scheduled, so the practice area shows
# every state; the others were published over the past weeks.
DRAFT = "when-your-mind-keeps-searching"
SCHEDULED = "big-decisions-can-wait"
PUBLISHED_EVERY_DAYS = 9
SCHEDULED_IN_DAYS = 5
PUBLISH_TIME = time(9, 0)


class ContentError(ValueError):
    """A demo content file is not as it must be; the message names the file."""


@dataclass(frozen=True)
class DemoArticle:
    title: str
    slug: str
    summary: str
    topics: tuple[str, ...]
    body: str  # Markdown, as written


@dataclass(frozen=True)
class DemoTopic:
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class DemoProfile:
    name: str
    slug: str
    credentials: str
    approach: str  # Markdown
    areas: tuple[str, ...]


@dataclass(frozen=True)
class DemoPractice:
    profile: DemoProfile
    topics: tuple[DemoTopic, ...]


@dataclass(frozen=True)
class SignIn:
    """How to sign in as the demo practitioner, as `reclaim demo` prints it."""

    username: str
    password: str
    totp_secret: str
    recovery_codes: tuple[str, ...]

    def lines(self) -> list[str]:
        lines = [
            f"Demo practitioner ready. Sign in as {self.username!r} "
            f"with the password {self.password!r}.",
            f"  Two-factor: add the key {self.totp_secret} to an authenticator app "
            "(enter it by hand, time-based), then type the six-digit code it shows.",
        ]
        if self.recovery_codes:
            lines.append(
                "  No app to hand? Each of these backup codes works once: "
                + " ".join(self.recovery_codes)
            )
        lines.append(
            "To make an operator, create an account and run: reclaim make-operator USERNAME"
        )
        return lines


# --- the content files ---------------------------------------------------------


def _split_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    start, sep, rest = text.partition("---\n")
    head, sep2, body = rest.partition("\n---\n")
    if start or not sep or not sep2:
        raise ContentError(f"{path.name}: it must start with front matter between two --- lines")
    meta = yaml.safe_load(head)
    if not isinstance(meta, dict):
        raise ContentError(f"{path.name}: the front matter is not a list of fields")
    return meta, body.strip() + "\n"


def read_article(path: Path) -> DemoArticle:
    meta, body = _split_front_matter(path)
    if sorted(meta) != sorted(FRONT_MATTER):
        raise ContentError(f"{path.name}: front matter must be exactly {', '.join(FRONT_MATTER)}")
    if meta["slug"] != path.stem:
        raise ContentError(f"{path.name}: the slug must match the file name")
    topics = meta["topics"]
    if not isinstance(topics, list) or not all(isinstance(topic, str) for topic in topics):
        raise ContentError(f"{path.name}: topics must be a list of topic slugs")
    return DemoArticle(
        title=str(meta["title"]),
        slug=str(meta["slug"]),
        summary=str(meta["summary"]),
        topics=tuple(topics),
        body=body,
    )


@functools.cache
def demo_articles() -> tuple[DemoArticle, ...]:
    """Every article in `content/articles/`, by slug."""
    return tuple(read_article(path) for path in sorted(ARTICLES_DIR.glob("*.md")))


@functools.cache
def demo_practice() -> DemoPractice:
    """The practitioner's profile and the topics, from `content/practice.yaml`."""
    data = yaml.safe_load(PRACTICE_FILE.read_text(encoding="utf-8"))
    person = data["practitioner"]
    return DemoPractice(
        profile=DemoProfile(
            name=person["name"],
            slug=person["slug"],
            credentials=person["credentials"],
            approach=person["approach"].strip(),
            areas=tuple(person["areas"]),
        ),
        topics=tuple(DemoTopic(**topic) for topic in data["topics"]),
    )


# --- seeding --------------------------------------------------------------------


def seed(user: Any, days: int, today: date) -> None:
    """Core's demo hook: the practice is nobody's history, so only `today` counts."""
    make_demo_practice(today)


@transaction.atomic
def make_demo_practice(today: date | None = None) -> SignIn:
    """The demo practitioner and everything they wrote, made once; how to sign in as them.

    Safe to call on every `reclaim demo`: once the account is there, nothing
    is written again, so a visitor's edits in the demo stay.
    """
    account, created = get_user_model().objects.get_or_create(
        username=USERNAME,
        defaults={"role": Role.PRACTITIONER, "email": EMAIL, "timezone": "Europe/London"},
    )
    if created:
        account.set_password(PASSWORD)
        account.save(update_fields=["password"])
        TOTP.activate(account, TOTP_SECRET)
        Authenticator.objects.create(
            user=account,
            type=Authenticator.Type.RECOVERY_CODES,
            data={"seed": encrypt(RECOVERY_SEED), "used_mask": 0},
        )
        _write_practice(account, today or timezone.localdate())
        seed_availability(account, timezone.now())
    # Read back rather than assumed: codes used (or made anew) in the demo are
    # not printed as if they still worked.
    codes = Authenticator.objects.filter(
        user=account, type=Authenticator.Type.RECOVERY_CODES
    ).first()
    return SignIn(
        username=USERNAME,
        password=PASSWORD,
        totp_secret=TOTP_SECRET,
        recovery_codes=tuple(RecoveryCodes(codes).get_unused_codes()) if codes else (),
    )


def _at(day: date) -> datetime:
    return datetime.combine(day, PUBLISH_TIME, tzinfo=timezone.get_current_timezone())


def _write_practice(account: Any, today: date) -> None:
    practice = demo_practice()
    profile = practice.profile
    do_save_profile(
        account,
        name=profile.name,
        slug=profile.slug,
        credentials=profile.credentials,
        approach=profile.approach,
        areas="\n".join(profile.areas),
        listed=True,
    )
    categories = {
        topic.slug: do_save_category(
            account, None, name=topic.name, slug=topic.slug, description=topic.description
        )
        for topic in practice.topics
    }
    published = [a for a in demo_articles() if a.slug not in (DRAFT, SCHEDULED)]
    # The last one by slug is the newest, published yesterday; each before it
    # a few days earlier, so the site has a history over the past weeks.
    when = {
        article.slug: _at(today - timedelta(days=1 + PUBLISHED_EVERY_DAYS * age))
        for age, article in enumerate(reversed(published))
    }
    when[SCHEDULED] = _at(today + timedelta(days=SCHEDULED_IN_DAYS))
    for demo in demo_articles():
        article = do_save_article(
            account,
            None,
            title=demo.title,
            slug=demo.slug,
            summary=demo.summary,
            body=demo.body,
            categories=[categories[slug] for slug in demo.topics],
        )
        if demo.slug != DRAFT:
            do_publish_article(account, article, when=when[demo.slug])
    seed_webinar(account, today)


def seed_webinar(account: Any, today: date) -> None:
    """One published webinar a week ahead, with a few confirmed registrations."""
    start = datetime.combine(
        today + timedelta(days=WEBINAR_IN_DAYS),
        WEBINAR_TIME,
        tzinfo=zoneinfo.ZoneInfo(WEBINAR_ZONE),
    )
    webinar = do_save_webinar(
        account,
        None,
        title="The first weeks: getting through the days",
        slug="the-first-weeks",
        description=(
            "An hour for anyone in the first weeks after finding out.\n\n"
            "We talk about sleep, food, the racing thoughts at night, and who you might lean on. "
            "You can keep your camera off, use any name, and simply listen."
        ),
        start=start,
        duration_minutes=60,
        zone=WEBINAR_ZONE,
        capacity=20,
        room_link="https://video.example.org/room/demo",
        replay_link="",
        replay_until=None,
    )
    do_publish_webinar(account, webinar)
    for n, name in enumerate(WEBINAR_GUESTS, start=1):
        do_register(webinar, name=name, email=f"guest{n}@example.org")
    for registration in webinar.registrations.all():
        do_confirm(registration.pk, registration.version)


# The demo practitioner's week (their own zone, Europe/London): mornings and
# afternoons on weekdays, with a lunch break.
DEMO_HOURS = ((time(9), time(12)), (time(13), time(17)))
DEMO_QUESTIONS = [
    "What would you like to talk about, in a few words?",
    "Is there a time of day that is safest to reach you?",
]
# Two made-up visitors, booked on the next weekdays, so the practice area has something to show.
DEMO_BOOKINGS = (
    ("Robin", "robin@example.org", "I found out last week and cannot sleep."),
    ("Alex", "alex@example.org", "I would like to understand what I am feeling."),
)


def seed_availability(account: Any, now: datetime) -> None:
    """Weekday hours, settings and intake questions for consultations, and two bookings."""
    do_save_consultation_settings(
        account,
        offered=True,
        slot_minutes=50,
        buffer_before_minutes=0,
        buffer_after_minutes=10,
        notice_hours=12,
        horizon_days=28,
        daily_maximum=4,
        intake_questions=DEMO_QUESTIONS,
    )
    for weekday in range(5):
        for start, end in DEMO_HOURS:
            do_add_weekly_hours(account, weekday, start, end)
    zone = account.zone
    day = now.astimezone(zone).date() + timedelta(days=1)
    for name, contact, answer in DEMO_BOOKINGS:
        while day.weekday() >= 5:
            day += timedelta(days=1)
        begins = datetime.combine(day, time(10), tzinfo=zone)
        # Written directly, not through the booking action: no e-mail goes
        # to a made-up visitor. The answers are sealed all the same.
        create_sealed(
            Booking,
            practitioner=account,
            start=begins,
            end=begins + timedelta(minutes=50),
            status=Booking.Status.BOOKED,
            name=name,
            contact=contact,
            visitor_zone="America/New_York",
            intake=[{"question": DEMO_QUESTIONS[0], "answer": answer}],
            version=2,
        )
        day += timedelta(days=1)
