"""The practice's people, in a real browser: the operator invites, a practitioner joins.

The operator signs in through the real form with the code their app would
show, invites an address, and reads the link off the page. A fresh browser
opens it, makes the account, sets up two-step sign-in from the key the page
shows, and lands in the practice area, where member pages are not found.
A member, for their part, cannot open the practice area. Every page of the
team's on the way is checked with axe at 320 px and at desktop width.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import TOTP_SECRET

from .conftest import NARROW, app_code, assert_fits, check_both_widths, sign_in, sign_in_with_code

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "a slow boat on a wide river"


def test_an_operator_invites_and_a_practitioner_joins(page: Page, browser, operator, live_server):
    page.set_viewport_size(NARROW)
    sign_in_with_code(page, "operator", TOTP_SECRET)
    expect(page).to_have_url(re.compile(r"/operator/$"))
    expect(page.get_by_role("heading", name="Running the practice")).to_be_visible()
    check_both_widths(page)

    page.get_by_role("link", name="Invitations").click()
    check_both_widths(page)
    page.get_by_label("Their e-mail address").fill("sam@example.org")
    page.get_by_role("button", name="Send the invitation").click()
    link = page.locator("[data-invitation-link]").inner_text().strip()
    assert link.startswith(live_server.url + "/invitation/")
    expect(page.get_by_role("cell", name="sam@example.org", exact=True)).to_be_visible()
    check_both_widths(page)

    page.get_by_role("link", name="Running the practice").click()
    page.get_by_role("link", name="What has changed").click()
    expect(page.get_by_role("cell", name="invitation.create")).to_be_visible()
    check_both_widths(page)

    # The invited person, in a browser of their own.
    context = browser.new_context(base_url=live_server.url, viewport=NARROW)
    invited = context.new_page()
    invited.goto(link)
    expect(invited.get_by_label("E-mail address")).to_have_value("sam@example.org")
    check_both_widths(invited)
    invited.get_by_label("Username").fill("sam")
    invited.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    invited.get_by_label("Password again").fill("not the same at all")
    invited.get_by_role("button", name="Make my account").click()
    expect(invited.get_by_text("The two passwords are not the same")).to_be_visible()
    expect(invited.get_by_label("Username")).to_have_value("sam")
    check_both_widths(invited)
    invited.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    invited.get_by_label("Password again").fill(NEW_PASSWORD)
    invited.get_by_role("button", name="Make my account").click()

    expect(invited).to_have_url(re.compile(r"/account/2fa/totp/activate/"))
    secret = invited.locator(".key code").inner_text().strip()
    invited.get_by_label("Code from your app").fill(app_code(secret))
    invited.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(invited.get_by_role("heading", name="Your backup codes")).to_be_visible()
    invited.goto("/")
    expect(invited).to_have_url(re.compile(r"/practice/$"))

    # Member pages are simply not there for a practitioner.
    invited.goto("/journal/")
    expect(invited.get_by_role("heading", name="We could not find that page")).to_be_visible()
    invited.goto("/welcome/")
    expect(invited.get_by_role("heading", name="We could not find that page")).to_be_visible()
    context.close()

    # The link worked once; opened again, it says so kindly.
    again = browser.new_context(base_url=live_server.url, viewport=NARROW).new_page()
    again.goto(link)
    expect(
        again.get_by_role("heading", name="This invitation link no longer works")
    ).to_be_visible()
    check_both_widths(again)
    again.context.close()


def test_a_member_cannot_open_the_practice_or_the_operators_pages(page: Page, member):
    page.set_viewport_size(NARROW)
    sign_in(page)
    for path in ("/practice/", "/operator/", "/operator/invitations/"):
        page.goto(path)
        expect(page.get_by_role("heading", name="We could not find that page")).to_be_visible()
    assert_fits(page)


def test_a_signed_in_member_opening_an_invitation_is_told_kindly(page: Page, member, operator):
    from reclaim.practice.actions import team

    made = team.do_invite(operator, "sam@example.org")
    sign_in(page)
    page.goto(f"/invitation/{made.token}/")
    expect(page.get_by_role("heading", name="You're signed in already")).to_be_visible()
    check_both_widths(page)
