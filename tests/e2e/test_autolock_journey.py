"""The auto-lock, in the page and on the server, never costs the member their words."""

import re
import time
from importlib import import_module

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from reclaim.core.middleware import AutoLockMiddleware

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

LOCKED = "We locked the app after a quiet while"
KEPT = "Anything you were writing is kept as a draft."


@pytest.fixture
def quick_to_lock(member):
    member.autolock_minutes = 1
    member.save(update_fields=["autolock_minutes"])
    return member


def offered_back(page: Page) -> None:
    """After signing in again, the journal offers the draft, and opens it in the form."""
    page.goto("/journal/")
    expect(page.get_by_text("You have words you didn't save yet.")).to_be_visible()
    page.get_by_role("link", name="Carry on writing").click()
    expect(page.get_by_text("Welcome back. Here is what you were writing")).to_be_visible()


def test_the_idle_page_locks_itself_and_the_draft_comes_back(page: Page, quick_to_lock):
    # A fake clock, installed before any page loads, so two idle minutes take no time.
    page.clock.install()
    sign_in(page)
    page.goto("/journal/new/")
    body = page.get_by_label("Write here")
    body.fill("The first words, before the quiet.")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved")
    # More words, then nothing: these are not autosaved yet when the lock comes.
    body.press("End")
    body.press_sequentially(" And a few more.")

    page.clock.fast_forward("02:00")
    page.wait_for_url(re.compile(r"/account/login/"))
    expect(page.get_by_text(LOCKED)).to_be_visible()
    expect(page.get_by_text(KEPT)).to_be_visible()
    expect(page.get_by_text("The first words")).to_have_count(0)
    # Back does not bring the writing into view either.
    page.go_back()
    expect(page.get_by_text("The first words")).to_have_count(0)

    sign_in(page)
    offered_back(page)
    expect(page.get_by_label("Write here")).to_have_value(
        "The first words, before the quiet. And a few more."
    )


def _browser_session(page: Page):
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=key)


def test_the_server_locks_a_quiet_session_and_keeps_the_words_it_was_sent(
    page: Page, quick_to_lock
):
    sign_in(page)
    page.goto("/journal/new/")
    # The page's own timer is not trusted: the server alone sees the session went quiet.
    session = _browser_session(page)
    session[AutoLockMiddleware.SESSION_KEY] = int(time.time()) - 3600
    session.save()

    page.get_by_label("Write here").fill("Words sent after the session went quiet.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/account/login/"))
    expect(page.get_by_text(LOCKED)).to_be_visible()
    expect(page.get_by_text("Your words are saved as a draft.")).to_be_visible()

    sign_in(page)
    offered_back(page)
    expect(page.get_by_label("Write here")).to_have_value(
        "Words sent after the session went quiet."
    )


def test_when_page_and_server_both_went_quiet_the_sign_in_page_still_says_so(
    page: Page, quick_to_lock
):
    # The page's last autosave reaches a server that has already seen the
    # session go quiet: the server keeps the words and ends the session. The
    # message must survive that background request and reach the sign-in page.
    page.clock.install()
    sign_in(page)
    page.goto("/journal/new/")
    body = page.get_by_label("Write here")
    body.fill("The first words, before the quiet.")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved")
    body.press("End")
    body.press_sequentially(" And a few more.")
    session = _browser_session(page)
    session[AutoLockMiddleware.SESSION_KEY] = int(time.time()) - 3600
    session.save()

    page.clock.fast_forward("02:00")
    page.wait_for_url(re.compile(r"/account/login/$"))
    expect(page.get_by_text(LOCKED)).to_have_count(1)
    expect(page.get_by_text(KEPT)).to_be_visible()

    sign_in(page)
    offered_back(page)
    expect(page.get_by_label("Write here")).to_have_value(
        "The first words, before the quiet. And a few more."
    )
