"""A visitor books a free consultation: hold, confirm by e-mail, change, cancel."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reclaim.practice.actions import consultations as actions
from reclaim.practice.models import Booking
from reclaim.practice.queries import consultations as queries
from reclaim.practice.tests.mailbox import calendar_of

from .consult_makers import QUESTIONS, booked, first_free, hold, offer

SECRET = "The messages I found last night"


@pytest.fixture
def offering(practitioner):
    return offer(practitioner)


def _calendar(message) -> str:
    name, content = calendar_of(message)
    assert name == "invite.ics"
    return content.decode()


def test_it_sends_a_link_and_holds_the_time_until_it_is_clicked(offering):
    start = first_free(offering)
    held = hold(offering, start)
    assert held.status == Booking.Status.HELD
    assert len(mail.outbox) == 1
    token = re.search(r"/consultation/confirm/([^/\s]+)/", mail.outbox[0].body)[1]
    assert queries.booking_for_link(queries.CONFIRM_PURPOSE, token) == held
    # The held time is no longer offered to anyone else.
    assert start not in [s.start for s in queries.free_slots_for(offering)]


def test_the_intake_answers_are_sealed_and_never_in_an_e_mail(offering):
    held = booked(offering, first_free(offering))
    raw = Booking.objects.filter(pk=held.pk).values_list("intake_sealed", flat=True).get()
    assert SECRET.encode() not in bytes(raw)
    for message in mail.outbox:
        assert SECRET not in message.body
        # Every part of the message as sent: the HTML and the calendar file too.
        assert SECRET not in message.message().as_string()


def test_confirming_books_it_and_sends_the_calendar_file(offering):
    held = hold(offering, first_free(offering))
    confirmed = actions.do_confirm_booking(held, held.version)
    assert confirmed.status == Booking.Status.BOOKED
    ics = _calendar(mail.outbox[-1])
    assert "METHOD:REQUEST" in ics
    assert f"UID:booking-{held.pk}@" in ics
    assert "SUMMARY:Appointment" in ics


def test_a_confirm_link_works_once(offering, client):
    held = hold(offering, first_free(offering))
    url = queries.confirm_url(held)
    assert client.post(url).status_code == 302
    again = client.post(url)
    assert again.status_code == 410
    assert "has been used" in again.content.decode()
    assert Booking.objects.get().status == Booking.Status.BOOKED


def test_a_hold_that_ran_out_is_deleted_and_the_time_is_free_again(offering):
    now = timezone.now()
    start = first_free(offering, now, after=timedelta(hours=3))
    hold(offering, start, now=now)
    later = now + timedelta(minutes=queries.HOLD_MINUTES + 1)
    hold(offering, start, now=later, contact="someone@example.net")
    assert Booking.objects.count() == 1
    assert Booking.objects.get().contact == "someone@example.net"


def test_a_time_someone_else_holds_is_just_taken(offering):
    start = first_free(offering)
    hold(offering, start)
    with pytest.raises(actions.SlotTaken):
        hold(offering, start, contact="second@example.net")


def test_rescheduling_keeps_the_booking_and_raises_the_sequence(offering):
    first = booked(offering, first_free(offering))
    new_start = first.start + timedelta(days=1)
    moved = actions.do_reschedule_booking(first, first.version, new_start)
    assert moved.pk == first.pk
    assert moved.start == new_start
    assert moved.sequence == first.sequence + 1
    ics = _calendar(mail.outbox[-1])
    assert f"UID:booking-{first.pk}@" in ics
    assert f"SEQUENCE:{moved.sequence}" in ics
    assert "METHOD:REQUEST" in ics
    # The old time is free again.
    assert first.start in [s.start for s in queries.free_slots_for(offering)]


def test_a_used_change_link_is_refused(offering, client):
    first = booked(offering, first_free(offering))
    token = queries.link(queries.MANAGE_PURPOSE, first)
    new_start = queries.slot_value(first.start + timedelta(days=1))
    moved = client.post(reverse("site:consultation_move", args=[token]), {"start": new_start})
    assert moved.status_code == 302
    again = client.post(reverse("site:consultation_cancel", args=[token]))
    assert again.status_code == 410
    assert Booking.objects.get().status == Booking.Status.BOOKED


def test_cancelling_sends_a_cancel_calendar_file_and_frees_the_time(offering, client):
    first = booked(offering, first_free(offering))
    token = queries.link(queries.MANAGE_PURPOSE, first)
    page = client.get(reverse("site:consultation_cancel", args=[token]))
    assert "Yes, cancel it" in page.content.decode()
    done = client.post(reverse("site:consultation_cancel", args=[token]))
    assert "is cancelled" in done.content.decode()
    ics = _calendar(mail.outbox[-1])
    assert "METHOD:CANCEL" in ics
    assert f"SEQUENCE:{first.sequence + 1}" in ics
    assert first.start in [s.start for s in queries.free_slots_for(offering)]


def test_the_form_books_with_the_answers_and_keeps_what_was_typed_on_a_mistake(offering, client):
    start = queries.slot_value(first_free(offering))
    url = reverse("site:consultation_book", args=["sam-rivera"])
    typed = {"start": start, "zone": "Asia/Kolkata", "name": "Jo", "contact": "not-an-address"}
    typed["answer_0"] = SECRET
    wrong = client.post(url, typed)
    page = wrong.content.decode()
    assert "does not look complete" in page
    assert SECRET in page and 'value="Jo"' in page
    typed["contact"] = "jo@example.net"
    assert client.post(url, typed)["Location"] == reverse("site:consultation_sent")
    made = Booking.objects.get()
    assert made.visitor_zone == "Asia/Kolkata"
    assert queries.bookings_for_practice(offering).upcoming == []  # not booked until confirmed
    actions.do_confirm_booking(made, made.version)
    answers = queries.bookings_for_practice(offering).upcoming[0].intake
    assert answers[0] == {"question": QUESTIONS[0], "answer": SECRET}


def test_a_robot_filling_the_hidden_field_is_told_all_is_well_and_nothing_happens(offering, client):
    data = {
        "start": queries.slot_value(first_free(offering)),
        "name": "Bot",
        "contact": "bot@example.net",
        "website": "http://spam.example",
    }
    response = client.post(reverse("site:consultation_book", args=["sam-rivera"]), data)
    assert response["Location"] == reverse("site:consultation_sent")
    assert not Booking.objects.exists()
    assert mail.outbox == []


def test_too_many_tries_from_one_address_are_slowed_down_kindly(offering, client):
    url = reverse("site:consultation_book", args=["sam-rivera"])
    free = queries.free_slots_for(offering)
    answers = []
    for number in range(12):
        data = {
            "start": queries.slot_value(free[number].start),
            "name": "Jo",
            "contact": f"jo{number}@example.net",
        }
        answers.append(client.post(url, data))
    assert "a lot of tries" in answers[-1].content.decode()
    assert Booking.objects.count() < 12


def test_a_time_taken_meanwhile_gets_a_kind_answer_and_the_free_times(offering, client):
    start = first_free(offering)
    hold(offering, start)
    data = {"start": queries.slot_value(start), "name": "Jo", "contact": "jo@example.net"}
    data["answer_0"] = "kept words"
    response = client.post(reverse("site:consultation_book", args=["sam-rivera"]), data)
    page = response.content.decode()
    assert "no longer free" in page
    assert "kept words" in page
    assert "Times still free" in page


def test_opening_the_e_mail_link_alone_confirms_nothing(offering, client):
    # Mail scanners open links; only the button on the page confirms.
    held = hold(offering, first_free(offering))
    page = client.get(queries.confirm_url(held))
    assert "Confirm this time" in page.content.decode()
    assert Booking.objects.get().status == Booking.Status.HELD


def test_a_confirm_link_that_ran_out_is_refused(offering):
    now = timezone.now()
    held = hold(offering, first_free(offering, now, after=timedelta(hours=3)), now=now)
    with pytest.raises(actions.LinkRefused):
        actions.do_confirm_booking(held, held.version, now + timedelta(minutes=31))


def test_unconfirmed_holds_are_deleted_on_the_next_round(offering):
    now = timezone.now()
    hold(offering, first_free(offering, now, after=timedelta(hours=3)), now=now)
    assert actions.do_forget_lapsed_holds(now + timedelta(minutes=10)) == 0
    assert actions.do_forget_lapsed_holds(now + timedelta(minutes=31)) == 1
    assert not Booking.objects.exists()
