"""Webinars in Chromium, signed out on a phone: register, confirm, get the calendar file,
land on the wait-list, be moved up when a seat frees; the practitioner sees it all.

Every page passes axe at 320 px and 1280 px along the way.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from reclaim.practice.tests import webinar_makers as make

from .conftest import NARROW, assert_accessible, assert_fits
from .test_practice_area import _signed_in_as

pytestmark = pytest.mark.django_db(transaction=True)

PHONE_360 = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def _check_both_widths(page: Page) -> None:
    for viewport in (NARROW, DESKTOP, PHONE_360):
        page.set_viewport_size(viewport)
        assert_accessible(page)
        if viewport is not DESKTOP:
            assert_fits(page)


def _last_mail_to(address: str):
    # Mail goes to "Name <address>", so the address is looked for inside each recipient.
    return [m for m in mail.outbox if any(address in to for to in m.to)][-1]


def _link(kind: str, address: str) -> str:
    return make.link_in(_last_mail_to(address), kind)


def _register(page: Page, slug: str, name: str, address: str) -> None:
    page.goto(f"/webinars/{slug}/")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your e-mail address").fill(address)
    page.get_by_role("button", name=re.compile("Save my place|Join the wait-list")).click()
    expect(page.get_by_role("heading", name="Please check your e-mail")).to_be_visible()


def test_a_visitor_registers_confirms_gets_the_calendar_file_and_is_moved_up_from_the_wait_list(
    browser: Browser, live_server, practitioner
):
    found = make.webinar(practitioner, capacity=1, title="Getting through the first weeks")
    # The visitor is in New York; the webinar is planned on London's clock.
    visitor = browser.new_context(
        base_url=live_server.url, viewport=PHONE_360, timezone_id="America/New_York"
    )
    page = visitor.new_page()

    page.goto("/")
    page.get_by_role("link", name=re.compile("Save your place")).click()
    expect(page.get_by_role("heading", name=found.title)).to_be_visible()
    assert make.ROOM not in page.content()
    expect(page.get_by_text("London time (Europe/London)")).to_be_visible()
    expect(page.get_by_text(re.compile(r"where you are \(America/New York"))).to_be_visible()
    _check_both_widths(page)

    _register(page, found.slug, "Sky", "sky@example.org")
    _check_both_widths(page)
    page.goto(_link("confirm", "sky@example.org"))
    _check_both_widths(page)
    page.get_by_role("button", name="Confirm my place").click()
    expect(page.get_by_role("heading", name="Your place")).to_be_visible()
    expect(page.get_by_role("link", name="Join the webinar")).to_have_attribute("href", make.ROOM)
    _check_both_widths(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Add it to your calendar").click()
    ics = Path(download.value.path()).read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in ics and "Online session" in ics
    sky_page = urlsplit(page.url).path

    # The one place is taken: the next visitor joins the wait-list.
    other = browser.new_context(base_url=live_server.url, viewport=PHONE_360).new_page()
    _register(other, found.slug, "Bo", "bo@example.org")
    other.goto(_link("confirm", "bo@example.org"))
    other.get_by_role("button", name="Confirm my place").click()
    expect(other.get_by_text("number 1 on the wait-list")).to_be_visible()
    _check_both_widths(other)

    # Sky cancels; Bo is moved up and told.
    page.goto(sky_page)
    page.get_by_role("link", name="Cancel my place").click()
    _check_both_widths(page)
    page.get_by_role("button", name="Yes, cancel my place").click()
    expect(page.get_by_role("heading", name="Your place is cancelled")).to_be_visible()
    _check_both_widths(page)
    told = _last_mail_to("bo@example.org")
    assert "it is yours" in told.body
    other.goto(_link("you", "bo@example.org"))
    expect(other.get_by_role("link", name="Join the webinar")).to_be_visible()

    # The practitioner sees it all in the practice area.
    host = browser.new_context(base_url=live_server.url, viewport=PHONE_360).new_page()
    _signed_in_as(host, practitioner, live_server.url)
    host.goto("/practice/webinars/")
    _check_both_widths(host)
    host.get_by_role("link", name=re.compile("Who is coming")).first.click()
    expect(host.get_by_text("Bo", exact=True)).to_be_visible()
    expect(host.get_by_text("1 cancelled", exact=False)).to_be_visible()
    _check_both_widths(host)
    host.goto(f"/practice/webinars/{found.pk}/")
    _check_both_widths(host)
    host.goto("/practice/webinars/new/")
    _check_both_widths(host)
