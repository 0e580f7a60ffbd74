"""Webinars and registrations for tests, made through the real actions."""

from __future__ import annotations

import re
import zoneinfo
from datetime import datetime, timedelta

from django.utils import timezone

from reclaim.practice.actions.webinars import (
    do_confirm,
    do_publish_webinar,
    do_register,
    do_save_webinar,
)
from reclaim.practice.models import Registration, Webinar

ROOM = "https://video.example.org/room/secret-room-4821"


def webinar(
    user,
    *,
    title: str = "Getting through the first weeks",
    start: datetime | None = None,
    capacity: int = 10,
    publish: bool = True,
    zone: str = "Europe/London",
    **fields,
) -> Webinar:
    data: dict = {
        "slug": "",
        "description": "We talk about **sleep** and steadiness.",
        "duration_minutes": 60,
        "room_link": ROOM,
        "replay_link": "",
        "replay_until": None,
    }
    data.update(fields)
    made = do_save_webinar(
        user,
        None,
        title=title,
        start=start or timezone.now() + timedelta(days=3),
        zone=zone,
        capacity=capacity,
        **data,
    )
    if publish:
        do_publish_webinar(user, made)
    return made


def registered(
    found: Webinar, name: str = "Sky", email: str | None = None, question: str = ""
) -> Registration:
    """A pending registration, as the form leaves it."""
    email = email or f"{name.lower()}@example.org"
    do_register(found, name=name, email=email, question=question)
    return Registration.objects.get(webinar=found, email=email, state__in=Registration.ACTIVE)


def confirmed(found: Webinar, name: str = "Sky", **extra) -> Registration:
    registration = registered(found, name, **extra)
    done = do_confirm(registration.pk, registration.version)
    assert done is not None
    return done


def link_in(message, kind: str) -> str:
    """The path of the first link of `kind` ("confirm", "you") in an e-mail's text."""
    found = re.search(rf"https?://[^/\s]+(/webinars/[^\s]*/{kind}/[^\s]+)", message.body)
    assert found, message.body
    return found.group(1)


def in_zone(zone: str, year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=zoneinfo.ZoneInfo(zone))
