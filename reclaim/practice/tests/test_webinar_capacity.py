"""Capacity holds when many people confirm at the same moment.

Fifty threads, each with its own database connection, confirm at once for
the last five seats: exactly five get a seat and forty-five a wait-list
place, each with its own position. CI runs this on SQLite (a file
database, shared by the threads) and on PostgreSQL.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from reclaim.practice.actions.webinars import do_confirm
from reclaim.practice.models import Registration

from . import webinar_makers as make

pytestmark = pytest.mark.django_db(transaction=True)

RACERS = 50


def test_it_gives_the_last_five_seats_to_exactly_five_of_fifty_confirming_at_once(practitioner):
    found = make.webinar(practitioner, capacity=10)
    for n in range(5):
        make.confirmed(found, f"early{n}")
    waiting = [make.registered(found, f"racer{n}") for n in range(RACERS)]
    start = threading.Barrier(RACERS)
    problems: list[BaseException] = []

    def confirm(registration: Registration) -> None:
        try:
            start.wait()
            do_confirm(registration.pk, registration.version)
        except BaseException as problem:  # noqa: BLE001 - reported below, with its thread's cause
            problems.append(problem)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(r,)) for r in waiting]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert problems == []
    racers = Registration.objects.filter(name__startswith="racer")
    assert racers.filter(state=Registration.State.CONFIRMED).count() == 5
    assert racers.filter(state=Registration.State.WAITLISTED).count() == 45
    positions = list(racers.exclude(position=None).values_list("position", flat=True))
    assert sorted(positions) == list(range(1, 46))
    assert Registration.objects.filter(state=Registration.State.CONFIRMED).count() == 10
