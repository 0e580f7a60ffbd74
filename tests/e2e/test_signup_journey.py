"""Signing up, the welcome steps, and the first arrival at Today."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from conftest import PASSWORD

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "slow tide under a grey pier"


def sign_up(page: Page, username: str, email: str = "") -> None:
    page.goto("/")
    page.get_by_role("link", name=re.compile("sign up|create", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/account/signup/"))
    page.get_by_label("Username").fill(username)
    if email:
        page.get_by_label(re.compile("E-?mail", re.I)).fill(email)
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_label(re.compile(r"Password \(again\)|again", re.I)).fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()


def test_signing_up_with_a_username_only_walks_through_welcome_to_today(page: Page, db):
    sign_up(page, "wren")

    # Step 1: what the app is and is not, with where urgent help is.
    expect(page).to_have_url(re.compile(r"/welcome/$"))
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()
    expect(
        page.get_by_text("It is not therapy and it is not an emergency service.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="see the helplines for your country")).to_be_visible()
    page.get_by_role("button", name="Next").click()

    # Step 2: the privacy promise.
    expect(page.get_by_text("Step 2 of 4")).to_be_visible()
    expect(page.get_by_role("heading", name="Your privacy, in plain words")).to_be_visible()
    page.get_by_role("button", name="Next").click()

    # Step 3: the member's situation, every answer optional.
    expect(page.get_by_text("Step 3 of 4")).to_be_visible()
    page.get_by_label("An affair or a secret relationship").check()
    page.get_by_label("Hidden gambling, drinking or drug use").check()
    page.get_by_label("When did you find out?").fill("2026-01-15")
    page.get_by_label("Do you live with your partner?").select_option(label="Some of the time")
    page.get_by_label("Do you have children?").select_option(label="Yes")
    page.get_by_role("button", name="Save and continue").click()

    # Step 4: where the member is.
    expect(page.get_by_text("Step 4 of 4")).to_be_visible()
    page.get_by_label("What should we call you?").fill("Wren")
    page.get_by_label("Country").select_option("IE")
    page.get_by_label("Time zone").select_option("Europe/Dublin")
    page.get_by_role("button", name="Finish").click()

    # Without an e-mail address, recovery codes are the way back in: shown once.
    expect(page).to_have_url(re.compile(r"/settings/recovery-codes/"))
    expect(page.get_by_text("We show them only this once.")).to_be_visible()
    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    first_code = codes.first.inner_text().strip()
    assert first_code
    page.get_by_role("link", name="I have kept them").click()

    # Today greets the member by the name they chose, with the way to check in.
    expect(page).to_have_url(re.compile(r"/today/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wren")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("link", name="Check in", exact=True).last).to_be_visible()

    # The answers were kept.
    user = get_user_model().objects.get(username="wren")
    assert user.onboarded is not None
    assert (user.country, user.timezone, user.email) == ("IE", "Europe/Dublin", "")
    page.goto("/welcome/situation/")
    expect(page.get_by_label("An affair or a secret relationship")).to_be_checked()
    expect(page.get_by_label("Do you live with your partner?")).to_have_value("sometimes")

    # The codes are not shown a second time: making new ones asks for the password.
    page.goto("/settings/recovery-codes/")
    expect(page.get_by_text(first_code)).to_have_count(0)
    expect(page.get_by_text("You have 10 unused codes.")).to_be_visible()

    # A code really opens the door: forget the password, come back with a code.
    page.get_by_role("button", name="Sign out").click()
    page.goto("/account/login/")
    page.get_by_role("link", name="Use one of your recovery codes").click()
    page.get_by_label("Username").fill("wren")
    page.get_by_label("One of your recovery codes").fill(first_code)
    page.get_by_label(re.compile(r"^New password:?$")).fill(NEW_PASSWORD)
    page.get_by_label("New password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set new password").click()
    expect(page.get_by_text("Your new password is set.")).to_be_visible()
    sign_in(page, "wren", NEW_PASSWORD)
    expect(page).to_have_url(re.compile(r"/today/"))


def test_signing_up_with_an_email_sends_a_plain_verification_and_skips_codes(
    page: Page, db, mailoutbox
):
    sign_up(page, "sparrow", email="sparrow@example.org")
    expect(page).to_have_url(re.compile(r"/welcome/$"))

    # One e-mail, whose subject says nothing of what the app is about.
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["sparrow@example.org"]
    assert message.subject == "Confirm your address"
    for word in ("Reclaim", "betray", "trauma", "affair", "partner"):
        assert word.lower() not in (message.subject + message.body).lower()

    # Every welcome step can be skipped; with an e-mail there are no codes to keep.
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Skip for now").click()
    page.get_by_role("button", name="Skip for now").click()
    expect(page).to_have_url(re.compile(r"/today/"))

    # The link in the e-mail confirms the address.
    link = re.search(r"https?://\S+", message.body).group(0)
    page.goto(link)
    page.get_by_role("button", name=re.compile("Confirm", re.I)).click()
    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.get(email="sparrow@example.org").verified
