"""No double booking, held by the database: twenty processes race for one time.

Each process has its own database connection to the test database (a file
on SQLite, see settings; the test database on PostgreSQL), so this is the
real race, not threads taking turns inside one connection.
"""

from __future__ import annotations

import multiprocessing
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone

from reclaim.practice.actions import consultations as actions
from reclaim.practice.models import Booking

from .consult_makers import first_free, hold, offer

RACERS = 20


def _race(user_pk: int, start, barrier, answers) -> None:
    # The parent's connection must not be shared across the fork.
    connections.close_all()
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=user_pk)
    barrier.wait()
    try:
        hold(user, start, contact=f"racer{multiprocessing.current_process().pid}@example.net")
    except actions.SlotTaken:
        answers.put("just taken")
    except Exception as exc:  # reported to the parent, which fails the test
        answers.put(f"error: {exc!r}")
    else:
        answers.put("booked")
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_twenty_processes_racing_for_one_time_make_exactly_one_booking(practitioner):
    offer(practitioner)
    start = first_free(practitioner)
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(RACERS)
    answers = context.Queue()
    connections.close_all()
    racers = [
        context.Process(target=_race, args=(practitioner.pk, start, barrier, answers))
        for _ in range(RACERS)
    ]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(60)
    results = sorted(answers.get(timeout=5) for _ in range(RACERS))
    assert results.count("booked") == 1, results
    assert results.count("just taken") == RACERS - 1, results
    assert Booking.objects.filter(start=start).count() == 1


@pytest.mark.django_db(transaction=True)
def test_postgresql_itself_refuses_two_overlapping_bookings(practitioner):
    if connection.vendor != "postgresql":
        pytest.skip("The exclusion constraint exists on PostgreSQL; SQLite is tested by the race.")
    now = timezone.now()
    fields = {"practitioner": practitioner, "name": "A", "contact": "a@example.net"}
    Booking.objects.create(start=now, end=now + timedelta(hours=1), status="booked", **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            start=now + timedelta(minutes=30), end=now + timedelta(hours=2), status="held", **fields
        )
    # A cancelled booking does not hold its time.
    Booking.objects.create(
        start=now + timedelta(minutes=30),
        end=now + timedelta(hours=2),
        status="cancelled",
        **fields,
    )


def test_sqlite_takes_the_write_lock_before_the_check(settings):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL keeps bookings apart with its exclusion constraint.")
    # BEGIN IMMEDIATE: the booking action's check and insert cannot interleave.
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
