"""Registrations whose confirmation link ran out unused are forgotten within the hour."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from reclaim.practice.models import Registration
from reclaim.practice.queries.webinars import CONFIRM_WITHIN
from reclaim.practice.tasks_webinars import forget_unconfirmed_registrations

from . import webinar_makers as make

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def found(practitioner):
    return make.webinar(practitioner, start=timezone.now() + timedelta(days=20))


def _run(now):
    with mock.patch("django.utils.timezone.now", return_value=now):
        return forget_unconfirmed_registrations.call_local()


def test_a_registration_never_confirmed_is_gone_once_its_link_has_run_out(found):
    stale = make.registered(found, "Ash", question="Will it be recorded?")
    now = stale.created + CONFIRM_WITHIN + timedelta(minutes=1)
    assert _run(now) == 1
    assert not Registration.objects.filter(pk=stale.pk).exists()


def test_it_keeps_what_can_still_be_confirmed_and_every_confirmed_place(found):
    waiting = make.registered(found, "Ash")
    seated = make.confirmed(found, "Sky")
    assert _run(waiting.created + CONFIRM_WITHIN - timedelta(minutes=1)) == 0
    # A day later the unconfirmed one goes; the confirmed place stays.
    assert _run(waiting.created + CONFIRM_WITHIN + timedelta(days=1)) == 1
    assert list(Registration.objects.values_list("pk", flat=True)) == [seated.pk]


def test_registering_again_starts_the_day_to_confirm_afresh(found):
    first = make.registered(found, "Ash")
    later = first.created + CONFIRM_WITHIN - timedelta(hours=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        again = make.registered(found, "Ash")
    assert again.pk == first.pk
    assert _run(first.created + CONFIRM_WITHIN + timedelta(minutes=1)) == 0
    assert Registration.objects.filter(pk=first.pk).exists()


def test_the_job_runs_every_hour():
    task = forget_unconfirmed_registrations.task_class()
    moments = [timezone.now().replace(minute=m, second=0, microsecond=0) for m in range(60)]
    assert sum(task.validate_datetime(moment) for moment in moments) == 1
