"""A member adds a passkey in settings, signs out, and signs in with it alone.

Chromium's virtual authenticator stands in for the fingerprint reader: it
holds the passkey and confirms the member each time, so the browser, allauth
and our templates (under the strict CSP) all run as they would for real.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import PASSWORD

from .conftest import NARROW, check_page, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _passkeys_on_http(settings):
    # The live server speaks plain http on localhost.
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True


def _add_virtual_authenticator(page: Page) -> None:
    """A built-in authenticator that can keep passkeys and always recognises its owner."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def _confirm_with_password(page: Page) -> None:
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()


def test_a_member_adds_a_passkey_and_signs_in_with_it(page: Page, member):
    page.set_viewport_size(NARROW)
    _add_virtual_authenticator(page)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page)

    page.goto("/settings/")
    page.get_by_role("link", name="Passkeys").click()
    expect(page.get_by_role("heading", name="Passkeys", level=1)).to_be_visible()
    expect(page.get_by_text("You haven't added a passkey yet.")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Add a passkey").click()

    # Adding one is a change to how the account is reached: the password first.
    _confirm_with_password(page)
    expect(page.get_by_role("heading", name="Add a passkey")).to_be_visible()
    check_page(page)
    page.get_by_label("A name for it").fill("My phone")
    page.get_by_role("button", name="Make the passkey").click()

    # The first way of signing in beyond the password comes with backup codes.
    expect(page.get_by_text("Your passkey is added.")).to_be_visible()
    expect(page.get_by_role("list", name="Backup codes").get_by_role("listitem")).to_have_count(10)
    page.goto("/account/2fa/webauthn/")
    expect(page.get_by_role("heading", name="My phone")).to_be_visible()
    expect(page.get_by_text("Signs you in on its own.")).to_be_visible()
    check_page(page)
    page.goto("/account/2fa/")
    expect(page.get_by_text("You have 1 passkey")).to_be_visible()
    check_page(page)

    # Signed out, the passkey alone opens the account: no password, no code.
    page.goto("/account/logout/")
    page.get_by_role("button", name=re.compile("Sign out", re.I)).first.click()
    page.goto("/account/login/")
    check_page(page)
    page.get_by_role("button", name="Use a passkey instead").click()
    expect(page).to_have_url(re.compile(r"/today/"))

    # With the password, the passkey is now the second step.
    page.goto("/account/logout/")
    page.get_by_role("button", name=re.compile("Sign out", re.I)).first.click()
    page.goto("/account/login/")
    page.get_by_label("Username or e-mail").fill("member")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", name="One more step")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Use your passkey").click()
    expect(page).to_have_url(re.compile(r"/today/"))

    # Renamed, then removed: each page says what will happen.
    page.goto("/account/2fa/webauthn/")
    page.get_by_role("link", name="Rename My phone").click()
    # Confirming it's you works with the passkey too.
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    page.get_by_role("link", name="Use your passkey").click()
    check_page(page)
    page.get_by_role("button", name="Use your passkey").click()
    expect(page.get_by_role("heading", name="Rename a passkey")).to_be_visible()
    check_page(page)
    page.get_by_label("A name for it").fill("Old phone")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Old phone")).to_be_visible()
    page.get_by_role("link", name="Remove Old phone").click()
    expect(page.get_by_text("It will no longer sign you in.")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Remove it").click()
    expect(page.get_by_text("You haven't added a passkey yet.")).to_be_visible()
    assert not [e for e in errors if "Content Security Policy" in e], errors
