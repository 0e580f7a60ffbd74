"""Sign-in limits slow a guesser down without letting them lock the member out."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import Client

from conftest import PASSWORD
from reclaim.accounts.adapter import KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_SALT

KIND = b"To keep your account safe, we have paused sign-in here"


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def _sign_in(client: Client, password: str, login: str = "member"):
    return client.post("/account/login/", {"login": login, "password": password})


def _signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def test_the_right_password_signs_in(member):
    assert _signed_in(_sign_in(_from("198.51.100.1"), PASSWORD))


def test_a_wrong_password_is_refused_plainly(member):
    response = _sign_in(_from("198.51.100.1"), "not the password")
    assert response.status_code == 200
    assert KIND not in response.content


def test_five_wrong_passwords_hold_that_address_for_that_account(member):
    guesser = _from("198.51.100.7")
    for _ in range(5):
        assert _sign_in(guesser, "not the password").status_code == 200
    sixth = _sign_in(guesser, PASSWORD)
    assert not _signed_in(sixth)
    assert KIND in sixth.content
    assert b"Nothing is wrong with your account." in sixth.content


def test_the_member_elsewhere_still_signs_in(member):
    guesser = _from("198.51.100.7")
    for _ in range(6):
        _sign_in(guesser, "not the password")
    assert _signed_in(_sign_in(_from("203.0.113.20"), PASSWORD))


def test_the_held_address_can_still_sign_in_to_another_account(member, other_member):
    shared = _from("198.51.100.7")
    for _ in range(5):
        _sign_in(shared, "not the password")
    assert _signed_in(_sign_in(shared, PASSWORD, login="other_member"))


def test_guessing_by_email_address_is_held_too(member):
    guesser = _from("198.51.100.7")
    for _ in range(5):
        _sign_in(guesser, "not the password", login="member@example.org")
    assert KIND in _sign_in(guesser, PASSWORD, login="member@example.org").content


def test_right_passwords_do_not_count_towards_the_limit(member):
    browser = _from("198.51.100.8")
    for _ in range(7):
        assert _signed_in(_sign_in(browser, PASSWORD))
        browser.post("/account/logout/")


@pytest.fixture
def slow_account_limit(settings):
    # The account-wide limit is 30 an hour; three keeps the test short.
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed_account": "3/h/key",
    }


def _spread_guesses(count: int) -> None:
    for n in range(count):
        _sign_in(_from(f"192.0.2.{n + 1}"), "not the password")


def test_guesses_spread_over_many_addresses_hold_new_browsers(member, slow_account_limit):
    _spread_guesses(3)
    refused = _sign_in(_from("203.0.113.50"), PASSWORD)
    assert not _signed_in(refused)
    assert KIND in refused.content


def test_a_browser_that_signed_in_before_is_not_held_by_the_account_wide_limit(
    member, slow_account_limit
):
    own = _from("203.0.113.60")
    first = _sign_in(own, PASSWORD)
    assert _signed_in(first)
    assert KNOWN_DEVICE_COOKIE in first.cookies
    cookie = first.cookies[KNOWN_DEVICE_COOKIE]
    assert cookie["httponly"]
    assert signing.loads(cookie.value, salt=KNOWN_DEVICE_SALT) == ["member"]
    own.post("/account/logout/")

    _spread_guesses(3)
    assert _signed_in(_sign_in(own, PASSWORD))


def test_a_forged_known_device_cookie_is_ignored(member, slow_account_limit):
    _spread_guesses(3)
    forger = _from("203.0.113.70")
    forger.cookies[KNOWN_DEVICE_COOKIE] = "member"
    assert not _signed_in(_sign_in(forger, PASSWORD))


def test_a_known_device_cookie_covers_only_the_accounts_used_there(
    member, other_member, slow_account_limit
):
    own = _from("203.0.113.60")
    assert _signed_in(_sign_in(own, PASSWORD, login="other_member"))
    own.post("/account/logout/")
    _spread_guesses(3)
    assert not _signed_in(_sign_in(own, PASSWORD))


def test_a_try_refused_per_address_does_not_use_up_the_account_wide_allowance(member, settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed_account": "6/h/key",
    }
    guesser = _from("198.51.100.7")
    for _ in range(5):
        _sign_in(guesser, "not the password")
    # Twenty more tries from the held address never reach the password.
    for _ in range(20):
        _sign_in(guesser, "not the password")
    assert _signed_in(_sign_in(_from("203.0.113.80"), PASSWORD))


def test_signing_in_does_not_wipe_earlier_guesses(member, slow_account_limit):
    _spread_guesses(2)
    # The member signs in once from a new browser: that try is given back...
    assert _signed_in(_sign_in(_from("203.0.113.90"), PASSWORD))
    # ...but the two guesses still count, so one more fills the allowance.
    _sign_in(_from("192.0.2.200"), "not the password")
    assert KIND in _sign_in(_from("203.0.113.91"), PASSWORD).content
