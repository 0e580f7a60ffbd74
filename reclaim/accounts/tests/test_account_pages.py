"""allauth's pages in our words and markup: plain labels, kind messages,
errors tied to their fields, and every hidden input the flows rely on."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from reclaim.testing import html
from reclaim.testing.totp import code_now

# allauth's own wording, which none of our pages should show any more.
ALLAUTH_WORDS = (
    "Sign Up",
    "Sign In",
    "Sign Out",
    "Email (optional)",
    "Remember Me",
    "Started At",
    "then please",
    "Two-Factor Authentication",
    "Email Addresses",
    "Change Password",
    "Password Reset",
    "Confirm Access",
    "Recovery Codes",
    "Authenticator App",
    "Are you sure",
)


def _assert_ours(response) -> None:
    assert response.status_code == 200
    main = html.main(response)
    for words in ALLAUTH_WORDS:
        assert words not in html.words(main), words
    # Labels end in their words, never in a colon.
    for label in html.select(main, "label"):
        assert not html.words(label).endswith(":"), html.words(label)
    assert not html.select(main, "[placeholder]")


def _code(secret: str) -> str:
    return code_now(secret)


@pytest.fixture
def confirmed(member_client) -> Client:
    """Signed in, with the password just confirmed, as allauth asks before changes."""
    member_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return member_client


@pytest.fixture
def with_app(confirmed, member) -> Client:
    """The member has turned on two-step sign-in with an authenticator app."""
    confirmed.get(reverse("mfa_activate_totp"))
    secret = confirmed.session[SECRET_SESSION_KEY]
    confirmed.post(reverse("mfa_activate_totp"), {"code": _code(secret)})
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists()
    confirmed.secret = secret
    return confirmed


def test_sign_in_asks_plainly_and_offers_every_way_back_in(client, db):
    response = client.get(reverse("account_login") + "?next=/journal/")
    _assert_ours(response)
    main = html.main(response)
    assert html.title(response).startswith("Sign in")
    assert html.label_for(main, "login") == "Username or e-mail"
    assert html.label_for(main, "password") == "Password"
    assert html.label_for(main, "remember") == "Keep me signed in on this device"
    assert reverse("accounts:recover") in html.hrefs(main)
    assert reverse("account_reset_password") in html.hrefs(main)
    assert "private window" in html.words(main)
    assert f"{reverse('account_signup')}?next=%2Fjournal%2F" in html.hrefs(main)
    # Two forms: the password and the passkey; each keeps where the member was going.
    assert len(html.select(main, 'input[name="csrfmiddlewaretoken"]')) == 2
    assert [i["value"] for i in html.select(main, 'input[name="next"]')] == ["/journal/"] * 2
    assert html.buttons(main) == ["Sign in", "Use a passkey instead"]


def test_a_failed_sign_in_is_explained_kindly_and_keeps_the_username(client, member):
    response = client.post(
        reverse("account_login"), {"login": "member", "password": "not the right one"}
    )
    main = html.main(response)
    alert = html.one(main, '[role="alert"]')
    assert html.words(alert) == "That username and password don't match. Could you try again?"
    assert html.one(main, 'input[name="login"]')["value"] == "member"


def test_sign_up_explains_that_an_email_address_is_optional(client, db):
    response = client.get(reverse("account_signup"))
    _assert_ours(response)
    main = html.main(response)
    assert html.title(response).startswith("Create an account")
    assert html.label_for(main, "email") == "E-mail address (optional)"
    assert "Without one, you'll get recovery codes instead." in html.words(main)
    assert "Not your real name, if you like. This is how you sign in." in html.words(main)
    # The help is read out with the field it belongs to.
    email = html.one(main, 'input[name="email"]')
    help_text = html.one(main, f"#{email['aria-describedby']}")
    assert "Without one, you'll get recovery codes instead." in html.words(help_text)
    assert html.label_for(main, "password2") == "Password again"
    assert html.buttons(main) == ["Create account"]


def test_a_missing_field_is_tied_to_its_input(client, db):
    response = client.post(
        reverse("account_signup"), {"username": "", "password1": "x", "password2": "x"}
    )
    main = html.main(response)
    username = html.one(main, 'input[name="username"]')
    assert username["aria-invalid"] == "true"
    described_by = username["aria-describedby"].split()
    errors = [html.words(html.one(main, f"#{id_}")) for id_ in described_by]
    assert "This one is needed. Could you fill it in?" in errors


@pytest.mark.parametrize(
    ("name", "title", "heading"),
    [
        ("account_change_password", "Password", "Change your password"),
        ("account_email", "E-mail", "Your e-mail address"),
        ("account_logout", "Sign out", "Sign out"),
        ("mfa_index", "Two-step sign-in", "Two-step sign-in"),
        ("usersessions_list", "Where you're signed in", "Where you're signed in"),
        ("account_reset_password", "Password", "Set a new password"),
        ("account_reset_password_done", "Password", "Have a look in your inbox"),
        ("account_reset_password_from_key_done", "Password", "Your new password is set"),
        ("account_email_verification_sent", "E-mail", "Have a look in your inbox"),
    ],
)
def test_each_account_page_speaks_in_our_words(member_client, name, title, heading):
    response = member_client.get(reverse(name))
    _assert_ours(response)
    assert html.title(response).startswith(title)
    assert html.words(html.one(html.main(response), "h1")) == heading


def test_the_password_page_keeps_its_fields_and_offers_to_sign_out_elsewhere(member_client):
    main = html.main(member_client.get(reverse("account_change_password")))
    for name in ("oldpassword", "password1", "password2"):
        assert html.one(main, f'input[name="{name}"]')
    assert html.label_for(main, "oldpassword") == "Current password"
    assert reverse("usersessions_list") in html.hrefs(main)


def test_a_member_without_email_is_told_their_codes_are_enough(client, django_user_model):
    user = django_user_model.objects.create_user(username="wren", password=PASSWORD)
    client.force_login(user)
    main = html.main(client.get(reverse("account_email")))
    assert "You haven't added one." in html.words(main)
    assert html.one(main, 'button[name="action_add"]')


def test_the_email_page_lists_the_address_with_plain_badges(member_client):
    main = html.main(member_client.get(reverse("account_email")))
    (address,) = html.select(main, 'input[type="radio"][name="email"]')
    assert address["value"] == "member@example.org"
    assert html.words(html.one(main, f'label[for="{address["id"]}"]')) == (
        "member@example.org Not confirmed yet"
    )
    assert html.words(html.one(main, "legend")) == "On your account"
    assert html.one(main, 'button[name="action_send"]')
    assert html.one(main, 'button[name="action_remove"]')


def test_the_sessions_page_names_this_device_and_can_sign_out_the_others(member, client):
    phone = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
    elsewhere = Client(HTTP_USER_AGENT="curl/8.0")
    for browser, agent in ((elsewhere, "curl/8.0"), (client, phone)):
        browser.post(
            reverse("account_login"),
            {"login": "member", "password": PASSWORD},
            HTTP_USER_AGENT=agent,
        )
    response = client.get(reverse("usersessions_list"), HTTP_USER_AGENT=phone)
    _assert_ours(response)
    main = html.main(response)
    # The cards only: a notice of the other sign-in shows above them.
    text = " ".join(html.words(card) for card in html.select(main, "section.card"))
    # This device first, though it signed in last, and named as this device once.
    assert "Firefox on Android This device" in text
    badges = [piece for piece in main.find_all(string=True) if piece.strip() == "This device"]
    assert len(badges) == 1
    assert text.index("Firefox on Android") < text.index("An unknown browser")
    form = html.one(main, f'form[action="{reverse("usersessions_list")}"]')
    assert "Sign out everywhere else" in html.buttons(form)
    assert not html.select(main, "table")


def test_reauthentication_asks_for_the_password_in_plain_words(member_client):
    response = member_client.get(
        reverse("account_reauthenticate") + "?next=" + reverse("mfa_activate_totp")
    )
    _assert_ours(response)
    main = html.main(response)
    assert html.words(html.one(main, "h1")) == "Confirm it's you"
    assert html.label_for(main, "password") == "Your password"
    assert html.one(main, 'input[name="next"]')["value"] == reverse("mfa_activate_totp")


def test_setting_up_the_app_shows_the_picture_and_the_key(confirmed):
    response = confirmed.get(reverse("mfa_activate_totp"))
    _assert_ours(response)
    main = html.main(response)
    secret = confirmed.session[SECRET_SESSION_KEY]
    picture = html.one(main, "img")
    assert picture["src"].startswith("data:image/svg+xml;base64,")
    assert picture["alt"] == "QR code for your authenticator app"
    assert secret in [html.words(code) for code in html.select(main, "code")]
    assert any(href.startswith("otpauth://") for href in html.hrefs(main))
    assert html.label_for(main, "code") == "Code from your app"
    assert html.one(main, 'input[name="code"]')["inputmode"] == "numeric"


def test_a_wrong_app_code_is_explained_next_to_the_field(confirmed, member):
    response = confirmed.post(reverse("mfa_activate_totp"), {"code": "12"})
    main = html.main(response)
    assert "That code didn't work." in html.words(main)
    assert html.one(main, 'input[name="code"]')["aria-invalid"] == "true"
    assert not Authenticator.objects.filter(user=member).exists()


def test_with_the_app_on_the_pages_offer_to_turn_it_off_and_show_backup_codes(with_app):
    index = with_app.get(reverse("mfa_index"))
    _assert_ours(index)
    assert reverse("mfa_deactivate_totp") in html.hrefs(html.main(index))
    assert "Backup codes" in html.words(html.main(index))

    off = with_app.get(reverse("mfa_deactivate_totp"))
    _assert_ours(off)
    assert "Turn it off" in html.buttons(html.main(off))

    codes = with_app.get(reverse("mfa_view_recovery_codes"))
    _assert_ours(codes)
    assert "recovery" not in html.title(codes).lower()
    shown = [html.words(code) for code in html.select(html.main(codes), "li code")]
    assert len(shown) == 10
    assert all(code.isalnum() for code in shown)

    again = with_app.get(reverse("mfa_generate_recovery_codes"))
    _assert_ours(again)
    assert "Your 10 old codes will stop working." in html.words(html.main(again))


def test_signing_in_with_the_app_on_asks_for_one_more_step(with_app, member):
    browser = Client()
    browser.post(reverse("account_login"), {"login": "member", "password": PASSWORD})
    response = browser.get(reverse("mfa_authenticate"))
    _assert_ours(response)
    main = html.main(response)
    assert html.title(response).startswith("Sign in")
    assert html.words(html.one(main, "h1")) == "One more step"
    assert "backup codes works here too" in html.words(main)
    # The sign-out button sits in the code form's flow but posts its own form.
    sign_out = html.one(main, "form#logout-from-stage")
    assert html.one(main, f'button[form="{sign_out["id"]}"]')


def test_an_old_reset_link_says_so_and_offers_a_new_one(client, member):
    response = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "nope"})
    )
    _assert_ours(response)
    main = html.main(response)
    assert html.words(html.one(main, "h1")) == "This link has run out"
    assert reverse("account_reset_password") in html.hrefs(main)


def test_an_old_confirmation_link_says_so(client, db):
    response = client.get(reverse("account_confirm_email", args=["nope"]))
    _assert_ours(response)
    assert "This link has run out or was already used." in html.words(html.main(response))
