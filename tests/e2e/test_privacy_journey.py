import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import NARROW, assert_accessible, assert_fits, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_quick_exit_hides_everything_and_back_shows_nothing(page: Page, member):
    sign_in(page)
    page.goto("/settings/")
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url(re.compile(r"/health/"))
    page.go_back()
    page.wait_for_load_state()
    # The member's page is gone: Back lands on the sign-in form.
    expect(page).to_have_url(re.compile(r"/account/login/"))
    expect(page.get_by_role("heading", name="Settings")).to_have_count(0)


def test_shift_three_times_leaves_at_once(page: Page, member):
    sign_in(page)
    page.goto("/settings/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(re.compile(r"/health/"))
    page.goto("/settings/")
    expect(page).to_have_url(re.compile(r"/account/login/"))


def test_get_help_now_works_signed_out(page: Page, db):
    page.goto("/")
    page.get_by_role("link", name="Get help now").click()
    expect(page.get_by_role("heading", name="Help, right now")).to_be_visible()
    assert_accessible(page)


def test_public_pages_are_accessible_and_fit_a_small_phone(page: Page, db):
    page.set_viewport_size(NARROW)
    for path in ("/", "/privacy/", "/account/login/", "/account/signup/", "/help/"):
        page.goto(path)
        assert_accessible(page)
        assert_fits(page)


def test_capitals_and_shift_tab_are_not_the_three_shifts(page: Page, member):
    # Shift as part of typing or moving back through a form must never end
    # the session: only Shift pressed on its own counts toward the quick exit.
    sign_in(page)
    page.goto("/journal/new/")
    box = page.get_by_label("Write here")
    box.focus()
    for key in ("Shift+S", "a", "m", "Space", "Shift+A", "n", "d", "Space", "Shift+A", "Shift+L"):
        page.keyboard.press(key)
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    expect(box).to_have_value("Sam And AL")
    # Still signed in: a quick exit would have ended the session on the server.
    page.goto("/settings/")
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
