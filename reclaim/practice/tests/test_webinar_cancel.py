"""Cancelling by the registrant's own link frees the seat for the first on the wait-list."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from reclaim.practice.models import Registration
from reclaim.practice.queries.webinars import place_token

from . import webinar_makers as make
from .mailbox import calendar_of, mails_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def full(practitioner):
    found = make.webinar(practitioner, capacity=1)
    seated = make.confirmed(found, "Ash")
    first = make.confirmed(found, "Bo")
    second = make.confirmed(found, "Cy")
    return found, seated, first, second


def _cancel_path(registration):
    return reverse(
        "site:webinar_cancel", args=[registration.webinar.slug, place_token(registration)]
    )


def test_it_asks_before_cancelling(full):
    _found, seated, *_ = full
    page = Client().get(_cancel_path(seated))
    assert "Yes, cancel my place" in page.content.decode()
    seated.refresh_from_db()
    assert seated.state == Registration.State.CONFIRMED


def test_it_cancels_with_one_click_and_moves_the_first_waiting_up_and_tells_them(full):
    _found, seated, first, second = full
    mail.outbox.clear()
    answer = Client().post(_cancel_path(seated))
    assert "Your place is cancelled" in answer.content.decode()
    seated.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert seated.state == Registration.State.CANCELLED
    assert first.state == Registration.State.CONFIRMED
    assert second.state == Registration.State.WAITLISTED
    [told] = mails_to("bo@example.org")
    assert "a place has come free, and it is yours" in told.body
    assert calendar_of(told)[0] == "invite.ics"
    [gone] = mails_to("ash@example.org")
    ics = calendar_of(gone)[1]
    assert "METHOD:CANCEL" in (ics.decode() if isinstance(ics, bytes) else ics)


def test_it_refuses_the_link_once_it_was_used_to_cancel(full):
    _found, seated, *_ = full
    path = _cancel_path(seated)
    Client().post(path)
    assert Client().post(path).status_code == 404
    place = reverse("site:webinar_place", args=[seated.webinar.slug, place_token(seated)])
    # The registrant's page link from before the cancelling is refused too.
    assert Client().get(place).status_code == 404


def test_it_lets_someone_leave_the_wait_list_without_touching_the_seats(full):
    _found, seated, first, second = full
    Client().post(_cancel_path(first))
    seated.refresh_from_db()
    second.refresh_from_db()
    assert seated.state == Registration.State.CONFIRMED
    assert second.state == Registration.State.WAITLISTED


def test_it_refuses_a_tampered_link(full):
    _found, seated, *_ = full
    assert Client().get(_cancel_path(seated)[:-3] + "xx/").status_code == 404
