"""The practitioner's side of consultations: hours, settings, bookings, the private feed."""

from __future__ import annotations

import re
from datetime import date, time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from reclaim.practice.actions import consultations as actions
from reclaim.practice.models import (
    AuditEntry,
    AvailabilityException,
    AvailabilityRule,
    Booking,
    ConsultationSettings,
)
from reclaim.practice.tests.mailbox import calendar_of

from .consult_makers import booked, first_free, offer

SECRET = "The messages I found last night"


@pytest.fixture
def booking(practitioner):
    offer(practitioner)
    return booked(practitioner, first_free(practitioner))


def _pages(booking) -> list[str]:
    rule = AvailabilityRule.objects.filter(practitioner=booking.practitioner)[0]
    change = actions.do_add_date_change(booking.practitioner, date(2030, 1, 1), "off", None, None)
    return [
        reverse("practice:availability_remove_change", args=[change.pk]),
        reverse("practice:availability"),
        reverse("practice:bookings"),
        reverse("practice:booking_cancel", args=[booking.pk]),
        reverse("practice:availability_remove_hours", args=[rule.pk]),
        reverse("practice:calendar_feed_renew"),
    ]


def test_members_get_not_found_on_every_page(booking, member_client, other_client):
    for client in (member_client, other_client):
        for url in _pages(booking):
            assert client.get(url).status_code == 404
            assert client.post(url).status_code == 404
    assert Booking.objects.get().status == Booking.Status.BOOKED
    assert AvailabilityException.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(booking, client):
    for url in _pages(booking):
        assert client.post(url)["Location"].startswith(reverse("account_login"))


def test_another_practitioner_cannot_see_or_cancel_a_booking(booking, django_user_model):
    from conftest import _make_user, _with_totp

    colleague = _with_totp(_make_user(django_user_model, "colleague", role="practitioner"))
    client = Client()
    client.force_login(colleague)
    assert SECRET not in client.get(reverse("practice:bookings")).content.decode()
    assert client.post(reverse("practice:booking_cancel", args=[booking.pk])).status_code == 404
    assert Booking.objects.get().status == Booking.Status.BOOKED


def test_the_practitioner_reads_the_answers_only_on_their_own_list(booking, practitioner_client):
    page = practitioner_client.get(reverse("practice:bookings"))
    assert SECRET in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_adding_and_removing_hours_and_dates(practitioner, practitioner_client):
    url = reverse("practice:availability")
    practitioner_client.post(
        url, {"form": "hours", "hours-weekday": "0", "hours-start": "09:00", "hours-end": "12:00"}
    )
    rule = AvailabilityRule.objects.get()
    assert (rule.weekday, rule.start, rule.end) == (0, time(9), time(12))
    wrong = practitioner_client.post(
        url, {"form": "hours", "hours-weekday": "1", "hours-start": "14:00", "hours-end": "13:00"}
    )
    assert "needs to be later than the start" in wrong.content.decode()
    assert 'value="14:00"' in wrong.content.decode()
    practitioner_client.post(
        url, {"form": "change", "change-date": "2026-12-24", "change-kind": "off"}
    )
    assert AvailabilityException.objects.get().kind == "off"
    practitioner_client.post(reverse("practice:availability_remove_hours", args=[rule.pk]))
    assert not AvailabilityRule.objects.exists()
    actions_logged = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "availability.add",
        "availability.exception.add",
        "availability.remove",
    } <= actions_logged


def test_saving_settings_with_the_questions(practitioner, practitioner_client):
    data = {
        "form": "settings",
        "offered": "on",
        "slot_minutes": "45",
        "buffer_before_minutes": "5",
        "buffer_after_minutes": "10",
        "notice_hours": "24",
        "horizon_days": "30",
        "daily_maximum": "3",
        "intake_questions": "What brings you here?\n\nHow can we reach you safely?",
    }
    practitioner_client.post(reverse("practice:availability"), data)
    saved = ConsultationSettings.objects.get(practitioner=practitioner)
    assert saved.offered and saved.slot_minutes == 45
    assert saved.intake_questions == ["What brings you here?", "How can we reach you safely?"]
    data["horizon_days"] = "400"
    wrong = practitioner_client.post(reverse("practice:availability"), data)
    assert "Something needs a small change" in wrong.content.decode()


def test_cancelling_a_booking_tells_the_visitor(booking, practitioner_client):
    url = reverse("practice:booking_cancel", args=[booking.pk])
    assert "Yes, cancel it" in practitioner_client.get(url).content.decode()
    practitioner_client.post(url)
    assert Booking.objects.get().status == Booking.Status.CANCELLED
    assert "METHOD:CANCEL" in calendar_of(mail.outbox[-1])[1].decode()
    assert "nothing you did" in mail.outbox[-1].body
    assert AuditEntry.objects.filter(action="booking.cancel").exists()


def test_the_private_feed_lists_bookings_neutrally_and_renewing_ends_the_old_address(
    booking, practitioner_client, client
):
    page = practitioner_client.post(reverse("practice:calendar_feed_renew")).content.decode()
    first = re.search(r"/practice/calendar/[^<\s\"]+/", page)[0]
    feed = client.get(first)
    text = feed.content.decode()
    assert feed["Content-Type"].startswith("text/calendar")
    assert "SUMMARY:Consultation" in text
    assert SECRET not in text and booking.name not in text and booking.contact not in text
    stored = ConsultationSettings.objects.get(practitioner=booking.practitioner).feed_token_digest
    assert first.split("/")[-2] not in stored
    practitioner_client.post(reverse("practice:calendar_feed_renew"))
    assert client.get(first).status_code == 404
