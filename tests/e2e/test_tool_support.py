"""Finding support on a phone: one calm page that works with and without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import NARROW, PHONE, assert_accessible, assert_fits, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320", "360"])
def test_the_page_reads_well_on_a_phone_and_its_contents_lead_to_each_part(
    page: Page, member, size
):
    page.set_viewport_size(size)
    sign_in(page)
    page.goto("/tools/")
    page.get_by_role("link", name="Finding support").click()
    expect(page.get_by_role("heading", name="Finding support", level=1)).to_be_visible()
    assert_fits(page)
    assert_accessible(page)
    contents = page.get_by_role("navigation", name="On this page")
    contents.get_by_role("link", name="People in your life").click()
    expect(page).to_have_url(re.compile(r"#people$"))
    expect(page.get_by_role("heading", name="People in your life")).to_be_in_viewport()
    page.get_by_role("main").get_by_role("link", name="crisis lines for your country").click()
    expect(page).to_have_url(re.compile(r"/help/$"))


def test_the_crisis_lines_link_is_reached_with_the_keyboard(page: Page, member):
    sign_in(page)
    page.goto("/tools/support/")
    link = page.get_by_role("main").get_by_role("link", name="crisis lines for your country")
    for _ in range(40):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement", timeout=2000):
            break
    else:
        raise AssertionError("Tab never reached the crisis lines")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/help/$"))


def test_it_works_without_javascript(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/support/")
        expect(page.get_by_role("heading", name="Therapy")).to_be_visible()
        # axe itself needs JavaScript; the same page is checked with it elsewhere.
        assert_fits(page)
    finally:
        context.close()
