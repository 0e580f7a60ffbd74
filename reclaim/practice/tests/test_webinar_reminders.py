"""The reminder job: a day before and an hour before, the replay afterwards, each once."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail

from reclaim.practice.models import Registration
from reclaim.practice.tasks_webinars import send_webinar_reminders

from . import webinar_makers as make

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seated(practitioner):
    found = make.webinar(practitioner, start=make.in_zone("Europe/London", 2030, 3, 10, 19))
    registration = make.confirmed(found, "Sky")
    # Confirmed well before, as most people are.
    Registration.objects.filter(pk=registration.pk).update(
        confirmed_at=found.start - timedelta(days=5)
    )
    mail.outbox.clear()
    return found


def _run(now):
    """Run the periodic job as the worker would, with the clock frozen at `now`."""
    with mock.patch("django.utils.timezone.now", return_value=now):
        return send_webinar_reminders.call_local()


def test_it_sends_the_day_before_reminder_once_with_the_room_link(seated):
    assert _run(seated.start - timedelta(hours=23)) == 1
    assert _run(seated.start - timedelta(hours=22)) == 0
    [reminder] = mail.outbox
    assert "is coming up on" in reminder.body
    assert make.ROOM in reminder.body


def test_it_sends_the_hour_before_reminder_once(seated):
    _run(seated.start - timedelta(minutes=50))
    _run(seated.start - timedelta(minutes=45))
    [reminder] = mail.outbox
    assert "starts within the hour" in reminder.body


def test_it_sends_nothing_too_early_or_after_the_start(seated):
    assert _run(seated.start - timedelta(days=2)) == 0
    assert _run(seated.start + timedelta(minutes=5)) == 0
    assert mail.outbox == []


def test_it_sends_the_replay_after_the_webinar_while_it_is_available(seated, practitioner):
    Registration.objects.update(sent_24h=True, sent_1h=True)
    seated.replay_link = "https://video.example.org/replay/77"
    seated.save()
    assert _run(seated.start + timedelta(minutes=30)) == 0  # not over yet
    assert _run(seated.end + timedelta(hours=1)) == 1
    assert _run(seated.end + timedelta(hours=2)) == 0
    [replay] = mail.outbox
    assert "https://video.example.org/replay/77" in replay.body


def test_it_skips_the_day_before_reminder_for_someone_who_just_confirmed(practitioner):
    found = make.webinar(practitioner, start=make.in_zone("Europe/London", 2030, 3, 10, 19))
    make.confirmed(found, "Late")  # confirmed "now", years before: then moved close
    Registration.objects.update(confirmed_at=found.start - timedelta(hours=3))
    mail.outbox.clear()
    assert _run(found.start - timedelta(hours=2)) == 0
