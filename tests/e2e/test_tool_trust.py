"""Rebuilding trust on a phone: agreements, what was noticed, and the trend."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from reclaim.toolkit.trust.models import Agreement, Observation
from reclaim.vault.fields import open_row

from .conftest import NARROW, PHONE, assert_fits, check_page, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

AGREED = "You tell me the same day if they get in touch."


def tab_until(page: Page, target: Locator, most: int = 60) -> None:
    """Press Tab until `target` has the focus."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement", timeout=2000):
            return
    raise AssertionError(f"Tab never reached {target}")


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320", "360"])
def test_an_agreement_and_what_was_noticed_end_to_end(page: Page, member, size):
    page.set_viewport_size(size)
    sign_in(page)
    page.goto("/tools/")
    page.get_by_role("link", name="Rebuilding trust").first.click()
    expect(page.get_by_text("only for you if you choose to rebuild")).to_be_visible()
    expect(page.get_by_role("link", name="read about staying safe at home")).to_be_visible()
    check_page(page)

    # An agreement, in the member's words.
    page.get_by_role("link", name="Add an agreement").click()
    expect(page.get_by_role("heading", name="A new agreement")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("An agreement needs a few words")
    check_page(page)
    page.get_by_label("What we agreed").fill(AGREED)
    page.get_by_label("Since when").fill("2026-01-05")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    expect(page.get_by_text("Since 5 January 2026. Active.")).to_be_visible()
    check_page(page)

    # How it went, with how much the member trusts and a note.
    page.get_by_role("link", name="Note how it went").click()
    expect(page.get_by_label("Which agreement")).to_have_value(str(Agreement.objects.get().pk))
    check_page(page)
    page.get_by_role("radio", name="Kept").check()
    page.get_by_role("radio", name="7", exact=True).check()
    page.get_by_label("A note").fill("Told me about the message before I asked.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("In the last 30 days: kept once, broken 0 times.")).to_be_visible()
    expect(page.get_by_text("Told me about the message before I asked.")).to_be_visible()
    check_page(page)

    # The main page: the counts, the chart and its numbers.
    page.get_by_role("link", name="Rebuilding trust").click()
    expect(page.get_by_text("Latest, on")).to_contain_text("7 out of 10.")
    page.get_by_text("Show the numbers").click()
    table = page.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(2)
    expect(table.get_by_role("cell", name="7", exact=True)).to_be_visible()
    check_page(page)

    # Change the note, then delete it.
    page.get_by_role("link", name=re.compile("^Change or delete")).click()
    expect(page.get_by_role("heading", name="Change this note")).to_be_visible()
    check_page(page)
    page.get_by_role("radio", name="Not sure").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Not sure", exact=True)).to_be_visible()
    page.get_by_role("link", name=re.compile("^Change or delete")).click()
    page.get_by_role("link", name="Delete this note").click()
    expect(page.get_by_role("heading", name="Delete this note?")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("The note is deleted.")).to_be_visible()
    assert not Observation.objects.exists()

    # Retire the agreement, change it, then delete it.
    page.get_by_role("link", name=AGREED).click()
    page.get_by_role("button", name="Retire it").click()
    expect(page.get_by_text("Retired. It keeps its notes")).to_be_visible()
    page.get_by_role("link", name="Change it").click()
    expect(page.get_by_role("heading", name="Change this agreement")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Delete it").click()
    expect(page.get_by_role("heading", name="Delete this agreement?")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("The agreement is deleted.")).to_be_visible()
    assert not Agreement.objects.exists()


def test_how_much_i_trust_can_be_noted_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/tools/trust/")
    tab_until(page, page.get_by_role("radio", name="0", exact=True))
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="5", exact=True)).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Save")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    assert open_row(Observation.objects.get(owner=member)).trust == 5

    # An agreement, by keyboard too.
    page.get_by_role("link", name="Add an agreement").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("What we agreed")).to_be_visible()
    page.get_by_label("What we agreed").focus()
    page.keyboard.type("No talks about it after ten at night.")
    # Past the date (its day, month and year are stops of their own) to Save.
    tab_until(page, page.get_by_role("button", name="Save"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    assert (
        open_row(Agreement.objects.get(owner=member)).text
        == "No talks about it after ten at night."
    )


def test_everything_works_without_javascript(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/trust/agreements/new/")
        page.get_by_label("What we agreed").fill(AGREED)
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
        page.get_by_role("link", name="Note how it went").click()
        page.get_by_role("radio", name="Broken").check()
        page.get_by_role("radio", name="4", exact=True).check()
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("kept 0 times, broken once.")).to_be_visible()
        page.goto("/tools/trust/?days=30")
        expect(page.get_by_role("link", name="30 days")).to_have_attribute("aria-current", "true")
        page.get_by_text("Show the numbers").click()
        expect(page.get_by_role("table").get_by_role("cell", name="4", exact=True)).to_be_visible()
        # axe itself needs JavaScript; the same page is checked with it elsewhere.
        assert_fits(page)
    finally:
        context.close()
