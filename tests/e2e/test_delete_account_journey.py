"""Deleting one journal entry, then the whole account, and finding nothing of it afterwards."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from conftest import PASSWORD

from .conftest import check_both_widths, sign_in
from .test_signup_journey import sign_up

pytestmark = pytest.mark.django_db(transaction=True)


def _write(page: Page, title: str, body: str) -> None:
    page.goto("/journal/new/")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Write here").fill(body)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()


def test_a_member_deletes_an_entry_then_the_account_and_nothing_comes_back(
    page: Page, member, risk_model_loaded
):
    sign_in(page)
    _write(page, "By the estuary", "The tide was out and I could breathe.")
    _write(page, "A grey day", "Nothing much to say today.")

    # One entry: asked first, then gone, the other kept.
    page.goto("/journal/")
    page.get_by_role("link", name="By the estuary").click()
    page.get_by_role("link", name="Delete").click()
    expect(page.get_by_role("heading", name="Delete this entry?")).to_be_visible()
    check_both_widths(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("The entry is deleted.")).to_be_visible()
    expect(page.get_by_role("link", name="By the estuary")).to_have_count(0)
    expect(page.get_by_role("link", name="A grey day")).to_be_visible()

    # The whole account: the page says what will happen, then asks who it is.
    page.goto("/settings/")
    page.get_by_role("link", name="Delete my account").click()
    expect(page.get_by_role("heading", name="Delete your account")).to_be_visible()
    expect(page.get_by_text("It cannot be undone.", exact=False)).to_be_visible()
    check_both_widths(page)
    page.get_by_role("button", name="Delete everything now").click()
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(
        page.get_by_role("heading", name="Your account and everything in it is gone")
    ).to_be_visible()
    check_both_widths(page)
    assert not get_user_model().objects.filter(username="member").exists()

    # The old details no longer open anything.
    page.goto("/account/login/")
    page.get_by_label(re.compile("Username|Login", re.I)).first.fill("member")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/account/login/"))

    # A new account with the same name starts empty.
    sign_up(page, "member")
    expect(page).to_have_url(re.compile(r"/welcome/$"))
    page.goto("/journal/")
    expect(page.get_by_role("link", name="A grey day")).to_have_count(0)
    fresh = get_user_model().objects.get(username="member")
    assert not fresh.journal_entries.exists()
    assert not fresh.risk_events.exists()
