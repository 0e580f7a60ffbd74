"""allauth's pages in our words and markup: plain labels, kind messages,
errors tied to their fields, and every hidden input the flows rely on."""

from __future__ import annotations

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD

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


def _main(response) -> str:
    html = response.content.decode()
    return re.search(r"<main\b.*?</main>", html, re.S).group(0)


def _title(response) -> str:
    return response.content.decode().split("<title>")[1].split("</title>")[0]


def _assert_ours(response) -> None:
    assert response.status_code == 200
    main = _main(response)
    for words in ALLAUTH_WORDS:
        assert words not in main, words
    # Labels end in their words, never in a colon.
    assert not re.search(r":\s*</label>", main)
    assert "placeholder=" not in main


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


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
    main = _main(response)
    assert _title(response).startswith("Sign in")
    assert '<label for="id_login">Username or e-mail</label>' in main
    assert '<label for="id_password">Password</label>' in main
    assert "Keep me signed in on this device" in main
    assert f'href="{reverse("accounts:recover")}"' in main
    assert f'href="{reverse("account_reset_password")}"' in main
    assert "private window" in main
    assert f'href="{reverse("account_signup")}?next=%2Fjournal%2F"' in main
    assert 'name="csrfmiddlewaretoken"' in main
    assert 'name="next" value="/journal/"' in main
    assert ">Sign in</button>" in main


def test_a_failed_sign_in_is_explained_kindly_and_keeps_the_username(client, member):
    response = client.post(
        reverse("account_login"), {"login": "member", "password": "not the right one"}
    )
    main = _main(response)
    assert "That username and password don&#x27;t match. Could you try again?" in main
    assert 'role="alert"' in main
    assert 'value="member"' in main


def test_sign_up_explains_that_an_email_address_is_optional(client, db):
    response = client.get(reverse("account_signup"))
    _assert_ours(response)
    main = _main(response)
    assert _title(response).startswith("Create an account")
    assert '<label for="id_email">E-mail address (optional)</label>' in main
    assert "Without one, you'll get recovery codes instead." in main
    assert "Not your real name, if you like. This is how you sign in." in main
    assert 'aria-describedby="id_email_helptext"' in main
    assert 'id="id_email_helptext"' in main
    assert '<label for="id_password2">Password again</label>' in main
    assert ">Create account</button>" in main


def test_a_missing_field_is_tied_to_its_input(client, db):
    response = client.post(
        reverse("account_signup"), {"username": "", "password1": "x", "password2": "x"}
    )
    main = _main(response)
    username = re.search(r"<input[^>]*name=\"username\"[^>]*>", main).group(0)
    assert 'aria-invalid="true"' in username
    assert "id_username_error" in username
    assert 'id="id_username_error"' in main
    assert "This one is needed. Could you fill it in?" in main


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
    assert _title(response).startswith(title)
    assert f"<h1>{heading}</h1>" in _main(response)


def test_the_password_page_keeps_its_fields_and_offers_to_sign_out_elsewhere(member_client):
    main = _main(member_client.get(reverse("account_change_password")))
    for name in ("oldpassword", "password1", "password2"):
        assert f'name="{name}"' in main
    assert '<label for="id_oldpassword">Current password</label>' in main
    assert f'href="{reverse("usersessions_list")}"' in main


def test_a_member_without_email_is_told_their_codes_are_enough(client, django_user_model):
    user = django_user_model.objects.create_user(username="wren", password=PASSWORD)
    client.force_login(user)
    main = _main(client.get(reverse("account_email")))
    assert "You haven't added one." in main
    assert 'name="action_add"' in main


def test_the_email_page_lists_the_address_with_plain_badges(member_client):
    main = _main(member_client.get(reverse("account_email")))
    assert 'type="radio" name="email" id="email_radio_0" value="member@example.org"' in main
    assert '<span class="tag">Not confirmed yet</span>' in main
    assert "<legend>On your account</legend>" in main
    assert 'name="action_send"' in main
    assert 'name="action_remove"' in main


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
    main = _main(response)
    assert "Firefox on Android" in main
    assert "An unknown browser" in main
    assert main.count('<span class="tag">This device</span>') == 1
    # This device first, though it signed in last.
    assert main.index("Firefox on Android") < main.index("An unknown browser")
    assert re.search(r"Firefox on Android <span class=\"tag\">This device</span>", main)
    assert f'action="{reverse("usersessions_list")}"' in main
    assert "Sign out everywhere else" in main
    assert "<table" not in main


def test_reauthentication_asks_for_the_password_in_plain_words(member_client):
    response = member_client.get(
        reverse("account_reauthenticate") + "?next=" + reverse("mfa_activate_totp")
    )
    _assert_ours(response)
    main = _main(response)
    assert "<h1>Confirm it's you</h1>" in main
    assert '<label for="id_password">Your password</label>' in main
    assert f'name="next" value="{reverse("mfa_activate_totp")}"' in main


def test_setting_up_the_app_shows_the_picture_and_the_key(confirmed):
    response = confirmed.get(reverse("mfa_activate_totp"))
    _assert_ours(response)
    main = _main(response)
    secret = confirmed.session[SECRET_SESSION_KEY]
    assert 'src="data:image/svg+xml;base64,' in main
    assert 'alt="QR code for your authenticator app"' in main
    assert f"<code>{secret}</code>" in main
    assert 'href="otpauth://' in main
    assert '<label for="id_code">Code from your app</label>' in main
    assert 'inputmode="numeric"' in main


def test_a_wrong_app_code_is_explained_next_to_the_field(confirmed, member):
    response = confirmed.post(reverse("mfa_activate_totp"), {"code": "12"})
    main = _main(response)
    assert "That code didn&#x27;t work." in main
    assert 'aria-invalid="true"' in main
    assert not Authenticator.objects.filter(user=member).exists()


def test_with_the_app_on_the_pages_offer_to_turn_it_off_and_show_backup_codes(with_app):
    index = with_app.get(reverse("mfa_index"))
    _assert_ours(index)
    assert f'href="{reverse("mfa_deactivate_totp")}"' in _main(index)
    assert "Backup codes" in _main(index)

    off = with_app.get(reverse("mfa_deactivate_totp"))
    _assert_ours(off)
    assert ">Turn it off</button>" in _main(off)

    codes = with_app.get(reverse("mfa_view_recovery_codes"))
    _assert_ours(codes)
    assert "recovery" not in _title(codes).lower()
    assert len(re.findall(r"<li><code>\w+</code></li>", _main(codes))) == 10

    again = with_app.get(reverse("mfa_generate_recovery_codes"))
    _assert_ours(again)
    assert "Your 10 old codes will stop working." in _main(again)


def test_signing_in_with_the_app_on_asks_for_one_more_step(with_app, member):
    browser = Client()
    browser.post(reverse("account_login"), {"login": "member", "password": PASSWORD})
    response = browser.get(reverse("mfa_authenticate"))
    _assert_ours(response)
    main = _main(response)
    assert _title(response).startswith("Sign in")
    assert "<h1>One more step</h1>" in main
    assert "backup codes works here too" in main
    assert 'id="logout-from-stage"' in main
    assert 'form="logout-from-stage"' in main


def test_an_old_reset_link_says_so_and_offers_a_new_one(client, member):
    response = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "nope"})
    )
    _assert_ours(response)
    main = _main(response)
    assert "<h1>This link has run out</h1>" in main
    assert f'href="{reverse("account_reset_password")}"' in main


def test_an_old_confirmation_link_says_so(client, db):
    response = client.get(reverse("account_confirm_email", args=["nope"]))
    _assert_ours(response)
    assert "This link has run out or was already used." in _main(response)
