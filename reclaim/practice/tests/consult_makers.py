"""Consultation hours and bookings for tests, made through the real actions."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from reclaim.practice.actions import consultations as actions
from reclaim.practice.queries import consultations as queries

from .makers import make_profile

QUESTIONS = ["What would you like to talk about?", "Is there anything we should know?"]


def offer(
    user, *, zone: str = "Europe/London", name: str = "Sam Rivera", slug: str = "", **settings
):
    """Make `user` a listed practitioner offering consultations every day, 09:00–17:00 local."""
    user.timezone = zone
    user.save(update_fields=["timezone"])
    if slug:
        make_profile(user, name, slug=slug)
    else:
        make_profile(user, name)
    values = {
        "offered": True,
        "slot_minutes": 60,
        "buffer_before_minutes": 0,
        "buffer_after_minutes": 0,
        "notice_hours": 0,
        "horizon_days": 28,
        "daily_maximum": 8,
        "intake_questions": QUESTIONS,
    }
    values.update(settings)
    actions.do_save_consultation_settings(user, **values)
    for weekday in range(7):
        actions.do_add_weekly_hours(user, weekday, time(9), time(17))
    return user


def first_free(user, now: datetime | None = None, after: timedelta = timedelta(hours=1)):
    now = now or timezone.now()
    return next(s.start for s in queries.free_slots_for(user, now) if s.start >= now + after)


def hold(
    user,
    start,
    *,
    name="Jo",
    contact="jo@example.net",
    zone="America/New_York",
    now=None,
    answers=None,
):
    return actions.do_hold_booking(
        user,
        start,
        name=name,
        contact=contact,
        zone=zone,
        answers=answers
        if answers is not None
        else [{"question": QUESTIONS[0], "answer": "The messages I found last night"}],
        now=now,
    )


def booked(user, start, **kwargs):
    """A held and confirmed booking, as after the visitor clicked the e-mail link."""
    held = hold(user, start, **kwargs)
    return actions.do_confirm_booking(held, held.version, now=kwargs.get("now"))
