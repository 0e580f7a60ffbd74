"""A visitor in New York books a free consultation with a practitioner in London, on a phone.

Signed out, at phone width: choose a time (shown on the visitor's own clock,
picked up from the browser), answer the questions, confirm by the e-mail
link, get the calendar file, move the time, cancel; then the practitioner
sees all of it in the practice area.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import Page, expect

from reclaim.practice.mail import CALENDAR_FILE_NAME
from reclaim.practice.models import Booking
from reclaim.practice.tests.consult_makers import offer

from .conftest import NARROW, PHONE, check_page

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
ANSWER = "I found out two days ago and I keep going over it."


@pytest.fixture
def browser_context_args(browser_context_args):
    # The visitor's browser is set to New York time; the practitioner works in London.
    return {**browser_context_args, "timezone_id": "America/New_York"}


def _check_everywhere(page: Page) -> None:
    """No serious axe finding and nothing sideways, at 320, 360 and 1280 pixels."""
    for size in (NARROW, DESKTOP, PHONE):
        page.set_viewport_size(size)
        check_page(page)


def _path(url: str) -> str:
    return urlsplit(url).path


def test_a_visitor_books_moves_and_cancels_and_the_practitioner_sees_it(
    page: Page, practitioner, live_server
):
    offer(
        practitioner, zone="Europe/London", intake_questions=["What would you like to talk about?"]
    )

    page.goto("/")
    page.get_by_role("link", name="Choose a time").click()
    # The browser's own zone is picked up, and said in words.
    expect(page.get_by_text("Times are shown in New York time (America/New_York).")).to_be_visible()
    _check_everywhere(page)

    page.locator("ul.chips a").first.click()
    expect(page.get_by_role("heading", name=re.compile("Book a time with"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"\(New York time\)"))).to_be_visible()
    page.get_by_label("Your name").fill("Jo")
    page.get_by_label("Your e-mail address").fill("jo@example.net")
    page.get_by_label("What would you like to talk about?").fill(ANSWER)
    _check_everywhere(page)
    page.get_by_role("button", name="Send me the link to confirm").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    _check_everywhere(page)

    link = re.search(r"https?://\S+/consultation/confirm/\S+/", mail.outbox[-1].body)[0]
    assert ANSWER not in mail.outbox[-1].body
    page.goto(_path(link))
    _check_everywhere(page)
    page.get_by_role("button", name="Confirm this time").click()
    expect(page.get_by_text("It is booked.")).to_be_visible()
    _check_everywhere(page)
    booking = Booking.objects.get()
    first_start = booking.start

    with page.expect_download() as download:
        page.get_by_role("link", name="Add to your calendar").click()
    assert download.value.suggested_filename == CALENDAR_FILE_NAME
    ics = Path(download.value.path()).read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in ics and "METHOD:REQUEST" in ics

    page.get_by_role("link", name="Choose another time").click()
    _check_everywhere(page)
    page.locator("ul.chips button").nth(1).click()
    expect(page.get_by_text("Your appointment has moved to the new time.")).to_be_visible()
    moved = Booking.objects.get()
    assert moved.pk == booking.pk and moved.start != first_start and moved.sequence == 1

    page.get_by_role("link", name="Cancel").click()
    _check_everywhere(page)
    page.get_by_role("button", name="Yes, cancel it").click()
    expect(page.get_by_role("heading", name="Your appointment is cancelled")).to_be_visible()
    assert Booking.objects.get().status == Booking.Status.CANCELLED

    # The practitioner sees the booking, with the answer only they can read.
    client = Client()
    client.force_login(practitioner)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto("/practice/bookings/")
    cancelled = page.get_by_role("region", name="Cancelled")
    expect(cancelled.get_by_text("Jo")).to_be_visible()
    expect(cancelled.get_by_text(ANSWER)).to_be_visible()
    expect(cancelled.get_by_text("They cancelled it.")).to_be_visible()
    _check_everywhere(page)
    page.goto("/practice/availability/")
    expect(page.get_by_role("heading", name="Hours for free consultations")).to_be_visible()
    _check_everywhere(page)
