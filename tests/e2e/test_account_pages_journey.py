"""The account pages allauth serves, as a member meets them on a small phone:
turning on two-step sign-in, signing in with it, and seeing where they are
signed in. Every page on the way is checked with axe and for sideways scroll."""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from playwright.sync_api import Page, expect

from conftest import PASSWORD

from .conftest import NARROW, assert_accessible, assert_fits, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _app_code(key: str) -> str:
    """What an authenticator app would show now for this key (RFC 6238).

    A code lives 30 seconds and the server allows no drift, so one read in
    the last seconds of its window could expire before the form reaches the
    server; like a person watching the app, wait for the next one then.
    """
    if 30 - time.time() % 30 < 5:
        time.sleep(30 - time.time() % 30 + 0.5)
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    digest = hmac.new(secret, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 15
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def _check(page: Page) -> None:
    assert_accessible(page)
    assert_fits(page)


def test_the_signed_out_account_pages_are_accessible_and_fit(page: Page, db):
    page.set_viewport_size(NARROW)
    for path in (
        "/account/password/reset/",
        "/account/password/reset/done/",
        "/account/password/reset/key/zz-nope/",
        "/account/confirm-email/nope/",
    ):
        page.goto(path)
        _check(page)
    page.goto("/account/login/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("This one is needed. Could you fill it in?").first).to_be_visible()
    _check(page)


def test_turning_on_two_step_sign_in_and_using_it(page: Page, browser, member, live_server):
    page.set_viewport_size(NARROW)
    sign_in(page)

    page.goto("/account/2fa/")
    expect(page.get_by_role("heading", name="Two-step sign-in", level=1)).to_be_visible()
    _check(page)
    page.get_by_role("link", name="Set it up").click()

    # allauth asks for the password again before a change like this.
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    _check(page)
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Set up an authenticator app")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    _check(page)
    key = page.locator(".key code").inner_text().strip()
    page.get_by_label("Code from your app").fill("000")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_text("That code didn't work.")).to_be_visible()
    expect(page.get_by_label("Code from your app")).to_have_attribute("aria-invalid", "true")
    _check(page)
    page.get_by_label("Code from your app").fill(_app_code(key))
    page.get_by_role("button", name="Turn on two-step sign-in").click()

    # The backup codes come with it, shown straight away.
    expect(page.get_by_text("Two-step sign-in is on.")).to_be_visible()
    expect(page.get_by_role("list", name="Backup codes").get_by_role("listitem")).to_have_count(10)
    _check(page)
    for path in ("/account/2fa/", "/account/2fa/recovery-codes/generate/"):
        page.goto(path)
        _check(page)
    page.goto("/account/2fa/totp/deactivate/")
    expect(page.get_by_role("button", name="Turn it off")).to_be_visible()
    _check(page)

    # Elsewhere, signing in now takes one more step.
    phone = browser.new_context(
        base_url=live_server.url,
        viewport=NARROW,
        user_agent="Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0",
    ).new_page()
    phone.goto("/account/login/")
    phone.get_by_label("Username or e-mail").fill("member")
    phone.get_by_label("Password").fill(PASSWORD)
    phone.get_by_role("button", name="Sign in").click()
    expect(phone.get_by_role("heading", name="One more step")).to_be_visible()
    _check(phone)
    phone.get_by_label("Code from your app").fill(_app_code(key))
    phone.get_by_role("button", name="Sign in").click()
    expect(phone).to_have_url(re.compile(r"/today/"))

    # Back on the first browser: both places are listed, this one first.
    page.goto("/account/sessions/")
    cards = page.get_by_role("main").get_by_role("heading", level=2)
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("This device")
    expect(cards.last).to_have_text("Firefox on Android")
    _check(page)
    page.get_by_role("button", name="Sign out everywhere else").click()
    expect(page.get_by_text("You're signed out everywhere else.")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("heading", level=2)).to_have_count(1)

    phone.goto("/today/")
    expect(phone).to_have_url(re.compile(r"/account/login/"))
