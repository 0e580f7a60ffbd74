"""What pages, e-mails and the reminder job read about webinars.

The public part hands out published webinars only, and never their room
link. Registrants are found by the signed links in their e-mails (their
id and a version number; nothing personal travels in an address).
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import dateformat, timezone

from reclaim.accounts.zones import zone_label
from reclaim.vault.fields import open_rows

from ..calendar import TITLE_ONLINE_SESSION, CalendarEvent, uid_for
from ..models import Registration, Webinar
from ..seo import absolute
from ..signed_links import make_link_token, read_link_token

# What each signed link is for; a link made for one is refused by the others.
CONFIRM = "webinar-confirm"
PLACE = "webinar-place"
# A confirmation link works for a day, and an unconfirmed registration holds
# no seat and is forgotten by the same measure.
CONFIRM_WITHIN = timedelta(hours=24)
# A registrant's own page works well past the webinar, for the replay.
PLACE_LINK_LASTS = timedelta(days=400)
# The calendar title: neutral, so a glance at a shared calendar says nothing.
# How a time is written in words: "Tuesday 5 May 2026 at 19:00".
WHEN = r"l j F Y \a\t H:i"
# How many upcoming webinars the public list shows.
LIST_LIMIT = 30


@dataclass(frozen=True)
class Seats:
    """How full a webinar is: what its page and the practice area show."""

    capacity: int
    taken: int

    @property
    def left(self) -> int:
        return max(self.capacity - self.taken, 0)

    @property
    def full(self) -> bool:
        return self.left == 0


def when_words(webinar: Webinar) -> str:
    """The start on the host's clock, in words: "Tuesday 5 May 2026 at 19:00, London time (…)"."""
    local = timezone.localtime(webinar.start, zoneinfo.ZoneInfo(webinar.zone))
    return f"{dateformat.format(local, WHEN)}, {zone_label(webinar.zone)}"


def _published() -> QuerySet[Webinar]:
    return Webinar.objects.filter(status=Webinar.Status.PUBLISHED).select_related("host")


def upcoming_webinars(now: datetime | None = None) -> list[Webinar]:
    """Published webinars that have not ended, soonest first."""
    now = now or timezone.now()
    found = [
        w for w in _published().filter(start__gt=now - timedelta(days=1)) if not w.is_over(now)
    ]
    return found[:LIST_LIMIT]


def replays(now: datetime | None = None) -> list[Webinar]:
    """Past published webinars whose replay is still available, newest first."""
    now = now or timezone.now()
    past = _published().filter(start__lt=now).exclude(replay_link="").order_by("-start")
    return [
        w
        for w in past.filter(Q(replay_until__isnull=True) | Q(replay_until__gt=now))
        if w.replay_available(now)
    ]


def next_webinar(now: datetime | None = None) -> Webinar | None:
    """The next published webinar that has not started: the home page's card."""
    return _published().filter(start__gt=now or timezone.now()).order_by("start").first()


def public_webinar(slug: str) -> Webinar | None:
    return _published().filter(slug=slug).first()


def sitemap_webinars() -> QuerySet[Webinar]:
    return Webinar.objects.filter(status=Webinar.Status.PUBLISHED).only("slug", "updated")


def seats(webinar: Webinar) -> Seats:
    taken = webinar.registrations.filter(state=Registration.State.CONFIRMED).count()
    return Seats(capacity=webinar.capacity, taken=taken)


def is_open(webinar: Webinar, now: datetime | None = None) -> bool:
    """Whether a visitor may still register (a full webinar takes wait-list places)."""
    return webinar.status == Webinar.Status.PUBLISHED and webinar.start > (now or timezone.now())


# --- Signed links -----------------------------------------------------------


def confirm_path(registration: Registration) -> str:
    token = make_link_token(CONFIRM, str(registration.pk), registration.version)
    return reverse("site:webinar_confirm", args=[registration.webinar.slug, token])


def place_token(registration: Registration) -> str:
    return make_link_token(PLACE, str(registration.pk), registration.version)


def place_path(registration: Registration) -> str:
    return reverse(
        "site:webinar_place", args=[registration.webinar.slug, place_token(registration)]
    )


def calendar_path(registration: Registration) -> str:
    return reverse(
        "site:webinar_calendar", args=[registration.webinar.slug, place_token(registration)]
    )


def _by_token(purpose: str, slug: str, token: str, max_age: timedelta) -> tuple[Registration, int]:
    """The registration a link names, and the version it carries; 404 when the link is not ours."""
    found = read_link_token(purpose, token, max_age)
    if found is None:
        raise Http404
    ident, version = found
    registration = (
        Registration.objects.filter(pk=ident, webinar__slug=slug).select_related("webinar").first()
    )
    if registration is None:
        raise Http404
    return registration, version


def registration_to_confirm(slug: str, token: str) -> tuple[Registration, bool]:
    """The registration behind a confirmation link, and whether the link is still unused."""
    registration, version = _by_token(CONFIRM, slug, token, CONFIRM_WITHIN)
    return registration, version == registration.version


def registrant(slug: str, token: str) -> Registration:
    """The registration behind a registrant's own link; 404 once the link was used to cancel."""
    registration, version = _by_token(PLACE, slug, token, PLACE_LINK_LASTS)
    if version != registration.version:
        raise Http404
    return registration


def shows_room(registration: Registration, now: datetime | None = None) -> bool:
    """Whether this registrant may see the room link now: confirmed, and it has not ended."""
    return (
        registration.state == Registration.State.CONFIRMED
        and registration.webinar.status == Webinar.Status.PUBLISHED
        and not registration.webinar.is_over(now)
    )


def wait_rank(registration: Registration) -> int:
    """Where on the wait-list this registrant is now (1 is next)."""
    return (
        registration.webinar.registrations.filter(
            state=Registration.State.WAITLISTED, position__lt=registration.position
        ).count()
        + 1
    )


def calendar_event(registration: Registration) -> CalendarEvent:
    """The registrant's calendar entry: neutral title, and the room link only for them."""
    webinar = registration.webinar
    place = absolute(place_path(registration))
    lines = [f"Your page: {place}"]
    if webinar.room_link:
        lines.insert(0, f"Join: {webinar.room_link}")
    return CalendarEvent(
        uid=uid_for("webinar", str(registration.pk)),
        sequence=registration.sequence,
        start=webinar.start,
        end=webinar.end,
        summary=TITLE_ONLINE_SESSION,
        description="\n".join(lines),
        url=place,
        location="Online",
        organizer_name=webinar.host.name,
        attendee_email=registration.email,
        attendee_name=registration.name,
        zone=webinar.zone,
    )


# --- The practice area ------------------------------------------------------


def area_webinars() -> list[Webinar]:
    """Every webinar, newest start first, with its counts in one query."""
    counted = Webinar.objects.select_related("host").annotate(
        confirmed=Count("registrations", filter=Q(registrations__state="confirmed")),
        waiting=Count("registrations", filter=Q(registrations__state="waitlisted")),
    )
    return list(counted.order_by("-start", "-id"))


def area_webinar(pk: int) -> Webinar:
    found = Webinar.objects.select_related("host").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class People:
    confirmed: list[Registration]
    waiting: list[Registration]
    pending: int
    cancelled: int


def people(webinar: Webinar) -> People:
    """Who is coming and who waits (with their questions opened), and how many did not confirm."""
    rows = list(
        webinar.registrations.exclude(state=Registration.State.CANCELLED).order_by("created")
    )
    open_rows([r for r in rows if r.state != Registration.State.PENDING], "question")
    waiting = sorted(
        (r for r in rows if r.state == Registration.State.WAITLISTED), key=lambda r: r.position or 0
    )
    return People(
        confirmed=[r for r in rows if r.state == Registration.State.CONFIRMED],
        waiting=waiting,
        pending=sum(1 for r in rows if r.state == Registration.State.PENDING),
        cancelled=webinar.registrations.filter(state=Registration.State.CANCELLED).count(),
    )


def export_rows(webinar: Webinar) -> list[list[str]]:
    """The registrants and the wait-list as table rows (no questions and no room link)."""
    found = people(webinar)
    rows = [["Name", "E-mail", "Status", "Wait-list place", "Registered (UTC)"]]
    for rank, registration in enumerate(found.confirmed + found.waiting, start=0):
        place = rank - len(found.confirmed) + 1 if registration.position else 0
        rows.append(
            [
                registration.name,
                registration.email,
                registration.get_state_display(),
                str(place) if place > 0 else "",
                registration.created.strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return rows
