"""Reminders a day and an hour before a consultation, each sent once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from reclaim.practice.actions.consultations import send_due_reminders
from reclaim.practice.tasks_consultations import send_consultation_reminders
from reclaim.practice.tests.mailbox import mails_to

from .consult_makers import booked, first_free, offer


@pytest.fixture
def booking(practitioner):
    offer(practitioner, horizon_days=10)
    now = timezone.now()
    made = booked(practitioner, first_free(practitioner, now, after=timedelta(days=3)), now=now)
    mail.outbox.clear()
    return made


def _reminders() -> list:
    return [m for m in mail.outbox if "A reminder of your appointment" in m.body]


def test_a_reminder_goes_a_day_before_and_an_hour_before_and_only_once(booking):
    assert send_due_reminders(booking.start - timedelta(hours=30)) == 0
    assert send_due_reminders(booking.start - timedelta(hours=23)) == 1
    assert send_due_reminders(booking.start - timedelta(hours=22)) == 0
    assert send_due_reminders(booking.start - timedelta(minutes=50)) == 1
    assert send_due_reminders(booking.start - timedelta(minutes=40)) == 0
    assert len(_reminders()) == 2
    assert _reminders()[0] in mails_to(booking.contact)


def test_a_cancelled_booking_gets_no_reminder(booking):
    from reclaim.practice.actions.consultations import do_cancel_booking

    do_cancel_booking(booking, booking.version)
    assert send_due_reminders(booking.start - timedelta(hours=2)) == 0


def test_the_periodic_task_sends_what_is_due(booking, settings):
    # The task reads the clock itself; a booking a day away is due now.
    booking.start = timezone.now() + timedelta(hours=20)
    booking.end = booking.start + timedelta(hours=1)
    booking.save(update_fields=["start", "end"])
    send_consultation_reminders.call_local()
    assert len(_reminders()) == 1
