"""Get help now: one tap from every page, signed in or not, with the right country's lines."""

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import NARROW, assert_accessible, assert_fits, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def tap_get_help_now(page: Page) -> None:
    page.get_by_role("banner").get_by_role("link", name="Get help now").click()
    expect(page).to_have_url(re.compile(r"/help/$"))
    expect(page.get_by_role("heading", name="Help, right now", level=1)).to_be_visible()


def expect_lines_first(page: Page, emergency: str, crisis: str) -> None:
    """The emergency number is the first thing to call, and a crisis line follows."""
    calls = page.get_by_role("main").locator("a[href^='tel:']")
    expect(calls.first).to_have_attribute("href", f"tel:{emergency}")
    expect(calls.first).to_have_text(f"Call {emergency}")
    expect(calls.filter(has_text=f"Call {crisis}").first).to_be_visible()


def test_get_help_now_is_one_tap_from_signed_out_pages(page: Page):
    # Signed out, the browser's language is the only hint of where someone is.
    page.set_extra_http_headers({"Accept-Language": "en-GB,en;q=0.9"})
    for path in ("/", "/account/login/"):
        page.goto(path)
        tap_get_help_now(page)
        expect_lines_first(page, "999", "116 123")
        expect(page.get_by_role("heading", name="Samaritans")).to_be_visible()
    # Without an account a plan is offered, not shown.
    expect(page.get_by_role("link", name="Sign in to make a plan")).to_be_visible()

    # Someone elsewhere can switch to their own country's lines.
    page.get_by_label("Show helplines for another country").select_option(label="United States")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"/help/\?country=US$"))
    expect_lines_first(page, "911", "988")
    expect(page.get_by_role("heading", name="Someone to talk to in United States")).to_be_visible()
    expect(page.get_by_role("link", name="Call 116 123")).to_have_count(0)

    # Somewhere we know no number for: what to do, 112 said honestly, and a directory.
    page.get_by_label("Show helplines for another country").select_option(label="Somewhere else")
    page.get_by_role("button", name="Show").click()
    main = page.get_by_role("main")
    expect(main).to_contain_text("call your local emergency number")
    expect(main.get_by_role("link", name="Call 112")).to_be_visible()
    expect(main).to_contain_text("112 works from most mobile phones in many countries")
    expect(main.get_by_role("heading", name="Find A Helpline")).to_be_visible()

    # A country without a file of its own still gets its own emergency number.
    page.goto("/help/?country=JP")
    expect(page.get_by_role("main").locator("a[href^='tel:']").first).to_have_attribute(
        "href", "tel:119"
    )


def test_get_help_now_is_one_tap_from_signed_in_pages(page: Page, member):
    sign_in(page)
    for path in ("/today/", "/checkin/", "/journal/"):
        page.goto(path)
        tap_get_help_now(page)
        # The member's own country (GB), whatever the browser says.
        expect_lines_first(page, "999", "116 123")
    expect(page.get_by_role("link", name="Your plan")).to_be_visible()

    page.get_by_label("Show helplines for another country").select_option("US")
    page.get_by_role("button", name="Show").click()
    expect_lines_first(page, "911", "988")
    # Text lines open the messaging app, not just the phone.
    expect(page.get_by_role("link", name="Text 988")).to_have_attribute(
        "href", re.compile(r"^sms:988")
    )


def test_help_and_staying_safer_read_well_on_a_small_phone_signed_out(page: Page):
    page.set_viewport_size(NARROW)
    page.set_extra_http_headers({"Accept-Language": "en-GB,en;q=0.9"})
    page.goto("/help/")
    assert_accessible(page)
    assert_fits(page)

    page.get_by_role(
        "link", name="Staying safer at home, and on a shared phone or computer"
    ).click()
    expect(page).to_have_url(re.compile(r"/help/home-safety/$"))
    expect(page.get_by_role("heading", name="Staying safer", level=1)).to_be_visible()
    expect_lines_first(page, "999", "0808 2000 247")
    shared = page.get_by_role("listitem")
    expect(shared.filter(has_text="Quick exit.")).to_be_visible()
    expect(shared.filter(has_text="Discreet mode.")).to_be_visible()
    expect(shared.filter(has_text="Private browsing.")).to_be_visible()
    assert_accessible(page)
    assert_fits(page)
