"""A visitor registers for a webinar, confirms by e-mail, and reaches their own page."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from reclaim.practice.models import Registration

from . import webinar_makers as make
from .mailbox import calendar_of

# E-mails leave once a transaction commits, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def found(practitioner):
    return make.webinar(practitioner, capacity=2)


def _register(client, found, **data):
    form = {"name": "Sky", "email": "sky@example.org", "question": ""}
    form.update(data)
    return client.post(reverse("site:webinar_register", args=[found.slug]), form)


def test_it_shows_the_webinar_with_its_time_in_words_and_places_left(found):
    page = Client().get(reverse("site:webinar", args=[found.slug]))
    text = page.content.decode()
    assert page.status_code == 200
    assert found.title in text
    assert "London time (Europe/London)" in text
    assert "2 of 2 places left" in text
    assert page.cookies == {}


def test_it_shows_the_description_as_formatted_text_not_as_markup(found):
    text = Client().get(reverse("site:webinar", args=[found.slug])).content.decode()
    assert "<strong>sleep</strong>" in text
    assert "&lt;p&gt;" not in text


def test_it_asks_to_confirm_by_email_and_holds_no_seat_until_then(found):
    answer = _register(Client(), found)
    assert answer.status_code == 302
    assert answer["Location"] == reverse("site:webinar_check_email", args=[found.slug])
    assert Registration.objects.get().state == Registration.State.PENDING
    [message] = mail.outbox
    assert "/confirm/" in message.body
    assert make.ROOM not in message.body
    assert "Check your e-mail" in Client().get(answer["Location"]).content.decode()


def test_it_confirms_the_place_and_shows_the_room_link_on_the_registrants_own_page(found):
    _register(Client(), found)
    confirm = make.link_in(mail.outbox[0], "confirm")
    client = Client()
    assert "Confirm my place" in client.get(confirm).content.decode()
    answer = client.post(confirm)
    assert answer.status_code == 302
    page = client.get(answer["Location"])
    assert make.ROOM in page.content.decode()
    assert page["X-Robots-Tag"].startswith("noindex")
    assert Registration.objects.get().state == Registration.State.CONFIRMED
    # The confirmation e-mail carries the calendar file.
    placed = mail.outbox[-1]
    assert calendar_of(placed)[0] == "invite.ics"


def test_it_refuses_a_confirmation_link_once_it_was_used(found):
    _register(Client(), found)
    confirm = make.link_in(mail.outbox[0], "confirm")
    Client().post(confirm)
    again = Client().post(confirm)
    assert again.status_code == 200
    assert "used already" in again.content.decode()
    assert Registration.objects.filter(state=Registration.State.CONFIRMED).count() == 1


def test_it_gives_the_registrant_a_calendar_file_with_a_neutral_title(found):
    registration = make.confirmed(found)
    from reclaim.practice.queries.webinars import calendar_path

    answer = Client().get(calendar_path(registration))
    body = answer.content.decode()
    assert answer["Content-Type"].startswith("text/calendar")
    assert "SUMMARY:Online session" in body
    assert found.title not in body


def test_it_keeps_what_was_typed_when_something_needs_changing(found):
    answer = _register(Client(), found, email="not-an-address", question="Can I just listen?")
    text = answer.content.decode()
    assert answer.status_code == 400
    assert "does not look complete" in text
    assert "Can I just listen?" in text
    assert not Registration.objects.exists()


def test_it_answers_a_filled_honeypot_as_if_all_went_well_and_does_nothing(found):
    answer = _register(Client(), found, website="http://spam.example")
    assert answer.status_code == 302
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_it_makes_no_second_registration_for_the_same_address(found):
    _register(Client(), found)
    _register(Client(), found, email="SKY@example.org")
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 2


def test_it_seals_the_question_for_the_host(found):
    _register(Client(), found, question="Is it all right to cry?")
    row = Registration.objects.get()
    assert b"cry" not in bytes(row.question_sealed)
    assert "cry" not in mail.outbox[0].body


def test_it_puts_a_full_webinars_new_registrants_on_the_wait_list(found):
    make.confirmed(found, "Ash")
    make.confirmed(found, "Bo")
    page = Client().get(reverse("site:webinar", args=[found.slug])).content.decode()
    assert "Join the wait-list" in page
    waiting = make.confirmed(found, "Cy")
    assert waiting.state == Registration.State.WAITLISTED
    own = Client().get(reverse("site:webinar_place", args=[found.slug, make_token(waiting)]))
    assert "number 1 on the wait-list" in own.content.decode()
    assert make.ROOM not in own.content.decode()


def make_token(registration):
    from reclaim.practice.queries.webinars import place_token

    return place_token(registration)


def test_it_answers_404_for_a_draft_webinar(practitioner):
    draft = make.webinar(practitioner, publish=False)
    assert Client().get(reverse("site:webinar", args=[draft.slug])).status_code == 404
