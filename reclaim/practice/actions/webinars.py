"""Every write to webinars and their registrations.

Seats are counted under a lock on the webinar's row, so capacity holds
when many people confirm at once: on PostgreSQL `SELECT … FOR UPDATE`; on
SQLite an UPDATE of the row as the transaction's first write, which takes
the database's single write lock before anything is counted. Freeing a
seat and moving the first on the wait-list up happen in that same
transaction. E-mails go out once the transaction has committed, so nobody
is told of a place that was then rolled back.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F, Max, Q, QuerySet
from django.utils import timezone

from reclaim.vault.fields import create_sealed, seal

from .. import audit
from ..calendar import Method, calendar_file
from ..mail import MailNotSent, send_message
from ..markdown import render_article
from ..models import Registration, Webinar
from ..queries import webinars as queries
from ..seo import absolute
from .profiles import fitting_slug, profile_of

State = Registration.State
SLUG_TAKEN = "Another webinar uses that web address. Could you choose another?"
CLOSED = "Registration for this webinar has closed. We are sorry."
# When the reminders go out, before the start.
DAY_BEFORE = timedelta(hours=24)
HOUR_BEFORE = timedelta(hours=1)


class WebinarClosed(Exception):
    """The webinar has started, ended or was called off: no more places change hands."""


# --- Sending ----------------------------------------------------------------


def _mail(
    template: str,
    registration: Registration,
    *,
    calendar: Method | None = None,
    at_once: bool = False,
    **extra: Any,
) -> None:
    """Send `template` to the registrant once the current transaction commits.

    `calendar` is "REQUEST" or "CANCEL" to attach their calendar entry.
    `at_once` sends now and lets MailNotSent through, so the caller's
    transaction (and the flag it set) rolls back and the job tries again.
    """
    webinar = registration.webinar
    context = {
        "title": webinar.title,
        "when": queries.when_words(webinar),
        "name": registration.name,
        "place_url": absolute(queries.place_path(registration)),
        **extra,
    }
    attachment = calendar_file(queries.calendar_event(registration), calendar) if calendar else None
    to, to_name = registration.email, registration.name

    def send() -> None:
        send_message(
            template,
            to,
            context,
            subject_kind="registration",
            calendar=attachment,
            calendar_method=calendar or "REQUEST",
            to_name=to_name,
        )

    def send_quietly() -> None:
        # mail.py has logged a failure (without the address); the page still says what happened.
        with contextlib.suppress(MailNotSent):
            send()

    if at_once:
        send()
    else:
        transaction.on_commit(send_quietly)


# --- Seats ------------------------------------------------------------------


def _hold_seats(webinar_id: int) -> Webinar:
    """Lock the webinar's row for the rest of the transaction, and read it."""
    if connection.vendor == "sqlite":
        # An UPDATE takes SQLite's write lock even in a deferred transaction,
        # so the count that follows cannot race another writer.
        Webinar.objects.filter(pk=webinar_id).update(capacity=F("capacity"))
    return Webinar.objects.select_for_update().get(pk=webinar_id)


def _taken(webinar: Webinar) -> int:
    return webinar.registrations.filter(state=State.CONFIRMED).count()


def _last_position(webinar: Webinar) -> int:
    found = webinar.registrations.filter(state=State.WAITLISTED).aggregate(last=Max("position"))
    return int(found["last"] or 0)


def _fill_seats(webinar: Webinar) -> list[Registration]:
    """Move people up from the wait-list while seats are free; each is told, with a calendar file."""
    free = webinar.capacity - _taken(webinar)
    if free <= 0 or webinar.status != Webinar.Status.PUBLISHED or webinar.is_over():
        return []
    moved = list(
        webinar.registrations.filter(state=State.WAITLISTED).order_by("position", "created")[:free]
    )
    for registration in moved:
        registration.webinar = webinar
        registration.state = State.CONFIRMED
        registration.position = None
        registration.confirmed_at = timezone.now()
        registration.sequence += 1
        registration.save(update_fields=["state", "position", "confirmed_at", "sequence"])
        _mail("webinar_place", registration, calendar="REQUEST", moved_up=True)
    return moved


# --- A visitor's registration ----------------------------------------------


@transaction.atomic
def do_register(webinar: Webinar, *, name: str, email: str, question: str = "") -> None:
    """Ask the visitor to confirm by e-mail; nothing is held until they do.

    Registering again with the same address sends a fresh confirmation
    link (or, once confirmed, the link to their own page) and makes no
    second registration; the visitor sees the same page either way, so the
    form says nothing about who has registered.
    """
    if not queries.is_open(webinar):
        raise WebinarClosed(CLOSED)
    email = email.strip()
    existing = (
        Registration.objects.select_for_update()
        .filter(webinar=webinar, email__iexact=email, state__in=Registration.ACTIVE)
        .first()
    )
    if existing is None:
        registration = create_sealed(
            Registration,
            webinar=webinar,
            owner_id=webinar.host.user_id,
            name=name,
            email=email,
            question=question or None,
        )
        _mail(
            "webinar_confirm",
            registration,
            confirm_url=absolute(queries.confirm_path(registration)),
        )
        return
    existing.webinar = webinar
    if existing.state != State.PENDING:
        _mail("webinar_place", existing, again=True)
        return
    # Still unconfirmed: the new words replace the old, and the day to confirm starts again.
    existing.name = name
    existing.question = question or None
    existing.created = timezone.now()
    seal(existing)
    existing.save(update_fields=["name", "question_sealed", "created"])
    _mail("webinar_confirm", existing, confirm_url=absolute(queries.confirm_path(existing)))


@transaction.atomic
def do_confirm(registration_id: Any, version: int) -> Registration | None:
    """Confirm by the e-mailed link: a seat if one is free, else the next wait-list place.

    Returns None when the link was already used. Raises WebinarClosed when
    the webinar has started or was called off.
    """
    webinar_id = Registration.objects.values_list("webinar_id", flat=True).get(pk=registration_id)
    webinar = _hold_seats(webinar_id)
    registration = Registration.objects.get(pk=registration_id)
    registration.webinar = webinar
    if registration.version != version or registration.state != State.PENDING:
        return None
    if not queries.is_open(webinar):
        raise WebinarClosed(CLOSED)
    registration.version += 1
    if _taken(webinar) < webinar.capacity:
        registration.state = State.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["state", "confirmed_at", "version"])
        _mail("webinar_place", registration, calendar="REQUEST")
    else:
        registration.state = State.WAITLISTED
        registration.position = _last_position(webinar) + 1
        registration.save(update_fields=["state", "position", "version"])
        _mail("webinar_waitlisted", registration)
    return registration


@transaction.atomic
def do_cancel(registration_id: Any, version: int) -> Registration | None:
    """Give up a place (or a wait-list place); the first waiting moves up at once.

    The link that was used stops working. Returns None when it had been used already.
    """
    webinar_id = Registration.objects.values_list("webinar_id", flat=True).get(pk=registration_id)
    webinar = _hold_seats(webinar_id)
    registration = Registration.objects.get(pk=registration_id)
    registration.webinar = webinar
    if registration.version != version or registration.state == State.CANCELLED:
        return None
    had_seat = registration.state == State.CONFIRMED
    registration.state = State.CANCELLED
    registration.position = None
    registration.cancelled_at = timezone.now()
    registration.version += 1
    registration.sequence += 1
    registration.save(update_fields=["state", "position", "cancelled_at", "version", "sequence"])
    _mail("webinar_cancelled", registration, calendar="CANCEL" if had_seat else None)
    if had_seat:
        _fill_seats(webinar)
    return registration


# --- The practitioner's webinars -------------------------------------------


def _check_slug(slug: str, webinar: Webinar | None) -> None:
    others = Webinar.objects.filter(slug=slug)
    if webinar is not None:
        others = others.exclude(pk=webinar.pk)
    if others.exists():
        raise ValidationError({"slug": SLUG_TAKEN})


def _active(webinar: Webinar) -> QuerySet[Registration]:
    return webinar.registrations.filter(state__in=(State.CONFIRMED, State.WAITLISTED))


@transaction.atomic
def do_save_webinar(
    user: Any,
    webinar: Webinar | None,
    *,
    title: str,
    slug: str,
    description: str,
    start: datetime,
    duration_minutes: int,
    zone: str,
    capacity: int,
    room_link: str,
    replay_link: str,
    replay_until: datetime | None,
) -> Webinar:
    """Write a new webinar (a draft) or change one; raises ValidationError.

    A new time reaches every registrant's calendar (a raised SEQUENCE); more
    seats move people up from the wait-list.
    """
    slug = fitting_slug(Webinar, slug, title)
    _check_slug(slug, webinar)
    created = webinar is None
    webinar = Webinar(host=profile_of(user)) if webinar is None else _hold_seats(webinar.pk)
    moved = not created and (webinar.start != start or webinar.duration_minutes != duration_minutes)
    webinar.title = title
    webinar.slug = slug
    webinar.description = description
    webinar.description_html = render_article(description).html
    webinar.start = start
    webinar.duration_minutes = duration_minutes
    webinar.zone = zone
    webinar.capacity = capacity
    webinar.room_link = room_link
    webinar.replay_link = replay_link
    webinar.replay_until = replay_until
    webinar.save()
    audit.record(user, "webinar.create" if created else "webinar.change", webinar)
    if moved:
        for registration in _active(webinar):
            registration.webinar = webinar
            registration.sequence += 1
            # A new time: the reminders are due again.
            registration.sent_24h = registration.sent_1h = False
            registration.save(update_fields=["sequence", "sent_24h", "sent_1h"])
            confirmed = registration.state == State.CONFIRMED
            _mail(
                "webinar_place",
                registration,
                calendar="REQUEST" if confirmed else None,
                changed=True,
            )
    _fill_seats(webinar)
    return webinar


@transaction.atomic
def do_publish_webinar(user: Any, webinar: Webinar) -> Webinar:
    """Put a webinar on the public site, open for registration."""
    webinar.status = Webinar.Status.PUBLISHED
    webinar.save(update_fields=["status", "updated"])
    audit.record(user, "webinar.publish", webinar)
    return webinar


@transaction.atomic
def do_cancel_webinar(user: Any, webinar: Webinar) -> Webinar:
    """Call a webinar off: everyone with a place or on the wait-list is told, calendars cleared."""
    webinar = _hold_seats(webinar.pk)
    webinar.status = Webinar.Status.CANCELLED
    webinar.save(update_fields=["status", "updated"])
    audit.record(user, "webinar.cancel", webinar)
    now = timezone.now()
    for registration in webinar.registrations.filter(state__in=Registration.ACTIVE):
        registration.webinar = webinar
        told = registration.state != State.PENDING
        had_seat = registration.state == State.CONFIRMED
        registration.state = State.CANCELLED
        registration.position = None
        registration.cancelled_at = now
        registration.sequence += 1
        registration.save(update_fields=["state", "position", "cancelled_at", "sequence"])
        if told:
            _mail(
                "webinar_cancelled",
                registration,
                calendar="CANCEL" if had_seat else None,
                called_off=True,
            )
    return webinar


# --- Reminders and replays (the periodic job) -------------------------------


def _claim(due: QuerySet[Registration], flag: str) -> Registration | None:
    """Take one due registration for this run, locked; other workers skip it."""
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True)
    found = due.select_related("webinar", "webinar__host").first()
    if found is not None:
        setattr(found, flag, True)
        found.save(update_fields=[flag])
    return found


def _send_each(due: QuerySet[Registration], flag: str, template: str, **extra: Any) -> int:
    """Send `template` once to each due registration; the flag is set in the mail's transaction."""
    sent = 0
    while True:
        try:
            with transaction.atomic():
                registration = _claim(due, flag)
                if registration is None:
                    return sent
                webinar = registration.webinar
                _mail(
                    template,
                    registration,
                    at_once=True,
                    room_link=webinar.room_link,
                    replay_link=webinar.replay_link,
                    **extra,
                )
        except MailNotSent:
            return sent
        sent += 1


def do_forget_unconfirmed(now: datetime | None = None) -> int:
    """Delete registrations whose confirmation link has run out unused.

    Such a link can never be used, so the name, address and question behind
    it serve nobody, and may be someone else's, typed by a stranger. Returns
    how many went.
    """
    now = now or timezone.now()
    stale = Registration.objects.filter(
        state=State.PENDING, created__lt=now - queries.CONFIRM_WITHIN
    )
    _, gone = stale.delete()
    return gone.get(Registration._meta.label, 0)


def do_send_due_reminders(now: datetime | None = None) -> int:
    """Send what is due: reminders a day and an hour before, and the replay afterwards.

    Each goes once: its flag is set in the transaction that sends it. A
    reminder someone would get right after confirming is skipped (their
    confirmation has just told them the same).
    """
    now = now or timezone.now()
    live = Registration.objects.filter(webinar__status=Webinar.Status.PUBLISHED)
    confirmed = live.filter(state=State.CONFIRMED)
    hour = confirmed.filter(
        sent_1h=False,
        webinar__start__gt=now,
        webinar__start__lte=now + HOUR_BEFORE,
        confirmed_at__lte=F("webinar__start") - HOUR_BEFORE,
    )
    day = confirmed.filter(
        sent_24h=False,
        webinar__start__gt=now + HOUR_BEFORE,
        webinar__start__lte=now + DAY_BEFORE,
        confirmed_at__lte=F("webinar__start") - DAY_BEFORE,
    )
    sent = _send_each(hour, "sent_1h", "webinar_reminder", soon=True)
    sent += _send_each(day, "sent_24h", "webinar_reminder", soon=False)
    replay = live.filter(
        Q(replay_sent=False),
        Q(state__in=(State.CONFIRMED, State.WAITLISTED)),
        Q(webinar__start__lt=now),
        ~Q(webinar__replay_link=""),
        Q(webinar__replay_until__isnull=True) | Q(webinar__replay_until__gt=now),
    )
    # The start is stored, the end is not: filter the rest here, on few rows.
    ended = [r.pk for r in replay.select_related("webinar") if r.webinar.is_over(now)]
    sent += _send_each(replay.filter(pk__in=ended), "replay_sent", "webinar_replay")
    return sent
