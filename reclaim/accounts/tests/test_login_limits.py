"""Sign-in limits slow a guesser down without letting them lock the member out."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.core import signing
from django.test import Client

from conftest import PASSWORD
from reclaim.accounts import signin_limits
from reclaim.accounts.adapter import KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_SALT
from reclaim.accounts.signin_limits import Bucket
from reclaim.testing.totp import code_now

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


class Clock:
    """The sign-in limits' clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now

    def forward(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(signin_limits, "_now", fake)
    return fake


@pytest.fixture
def few_free(monkeypatch, clock):
    # Ten failures are free per account; three keep the tests short.
    monkeypatch.setattr(signin_limits, "FREE_FAILURES", 3)
    return clock


def _spread_guesses(count: int, login: str = "member", start: int = 0, **cookies: str) -> None:
    for n in range(start, start + count):
        guesser = _from(f"192.0.2.{n % 250 + 1}")
        for name, value in cookies.items():
            guesser.cookies[name] = value
        _sign_in(guesser, "not the password", login=login)


def _known_browser(address: str, login: str = "member") -> Client:
    """A browser where the member signed in before (it holds our cookie), now signed out."""
    own = _from(address)
    assert _signed_in(_sign_in(own, PASSWORD, login=login))
    own.post("/account/logout/")
    return own


def test_guesses_spread_over_many_addresses_make_new_browsers_wait(member, few_free):
    _spread_guesses(3)
    refused = _sign_in(_from("203.0.113.50"), PASSWORD)
    assert not _signed_in(refused)
    assert KIND in refused.content


def test_the_wait_ends_and_then_the_right_password_gets_in(member, few_free):
    _spread_guesses(3)
    few_free.forward(signin_limits.FIRST_WAIT + 1)
    assert _signed_in(_sign_in(_from("203.0.113.50"), PASSWORD))


def test_each_failure_after_the_free_ones_doubles_the_wait(member, few_free):
    _spread_guesses(3)
    bucket = Bucket("member", None)
    assert bucket.wait() == signin_limits.FIRST_WAIT
    few_free.forward(signin_limits.FIRST_WAIT)
    _spread_guesses(1, start=3)
    assert bucket.wait() == 2 * signin_limits.FIRST_WAIT
    few_free.forward(2 * signin_limits.FIRST_WAIT)
    _spread_guesses(1, start=4)
    assert bucket.wait() == 4 * signin_limits.FIRST_WAIT


def test_nothing_is_ever_locked_for_longer_than_the_ceiling(member, few_free):
    bucket = Bucket("member", None)
    for _ in range(40):
        bucket.failed()
    assert bucket.wait() == signin_limits.CEILING
    few_free.forward(signin_limits.CEILING)
    assert _signed_in(_sign_in(_from("203.0.113.50"), PASSWORD))


def test_tries_during_a_wait_are_not_checked_and_add_no_wait(member, few_free):
    _spread_guesses(3)
    for n in range(20):
        _sign_in(_from(f"198.51.100.{n + 1}"), "not the password")
    # The twenty refused tries never reached a password, so the wait is still the first one.
    assert Bucket("member", None).wait() == signin_limits.FIRST_WAIT


def test_only_one_of_many_tries_at_the_end_of_a_wait_is_checked(member, few_free):
    _spread_guesses(3)
    few_free.forward(signin_limits.FIRST_WAIT)
    bucket = Bucket("member", None)
    assert bucket.claim()
    assert not bucket.claim()


def test_fifty_wrong_passwords_from_one_address_then_the_owner_signs_in_from_another(member):
    guesser = _from("198.51.100.7")
    for _ in range(50):
        _sign_in(guesser, "not the password")
    assert _signed_in(_sign_in(_from("203.0.113.20"), PASSWORD))


def test_fifty_wrong_passwords_from_fifty_addresses_never_hold_the_members_own_browser(member):
    own = _known_browser("203.0.113.60")
    _spread_guesses(50)
    assert _signed_in(_sign_in(own, PASSWORD))


def test_the_known_device_cookie_names_the_browser_and_the_account(member):
    first = _sign_in(_from("203.0.113.60"), PASSWORD)
    cookie = first.cookies[KNOWN_DEVICE_COOKIE]
    assert cookie["httponly"]
    value = signing.loads(cookie.value, salt=KNOWN_DEVICE_SALT)
    assert value["logins"] == ["member"]
    assert len(value["device"]) >= 16


def test_a_forged_known_device_cookie_is_ignored(member, few_free):
    _spread_guesses(3)
    forger = _from("203.0.113.70")
    forger.cookies[KNOWN_DEVICE_COOKIE] = "member"
    assert not _signed_in(_sign_in(forger, PASSWORD))


def test_a_known_device_cookie_covers_only_the_accounts_used_there(member, other_member, few_free):
    own = _known_browser("203.0.113.60", login="other_member")
    _spread_guesses(3)
    assert not _signed_in(_sign_in(own, PASSWORD))


def test_guesses_through_a_known_device_cookie_are_limited_account_wide(member, few_free):
    own = _known_browser("203.0.113.60")
    cookie = own.cookies[KNOWN_DEVICE_COOKIE].value
    # A copy of the cookie, used from many addresses, shares one allowance...
    _spread_guesses(3, **{KNOWN_DEVICE_COOKIE: cookie})
    held = _sign_in(own, PASSWORD)
    assert not _signed_in(held)
    assert KIND in held.content
    # ...and slows only that browser: the member's other devices and a new
    # browser are not held by it.
    assert _signed_in(_sign_in(_from("203.0.113.90"), PASSWORD))


def test_the_members_other_known_device_is_not_slowed_by_a_copied_cookie(member, few_free):
    laptop = _known_browser("203.0.113.60")
    phone = _known_browser("203.0.113.61")
    _spread_guesses(5, **{KNOWN_DEVICE_COOKIE: laptop.cookies[KNOWN_DEVICE_COOKIE].value})
    _spread_guesses(5, start=5)
    assert _signed_in(_sign_in(phone, PASSWORD))


def test_a_try_refused_per_address_does_not_count_against_the_account(member, monkeypatch):
    monkeypatch.setattr(signin_limits, "FREE_FAILURES", 6)
    guesser = _from("198.51.100.7")
    for _ in range(5):
        _sign_in(guesser, "not the password")
    # Twenty more tries from the held address never reach the password.
    for _ in range(20):
        _sign_in(guesser, "not the password")
    assert _signed_in(_sign_in(_from("203.0.113.80"), PASSWORD))


def test_signing_in_does_not_wipe_earlier_guesses(member, few_free):
    _spread_guesses(2)
    # The member signs in once from a new browser...
    assert _signed_in(_sign_in(_from("203.0.113.90"), PASSWORD))
    # ...but the two guesses still count, so one more starts the waits.
    _sign_in(_from("192.0.2.200"), "not the password")
    assert KIND in _sign_in(_from("203.0.113.91"), PASSWORD).content


def _totp_code(secret: str) -> str:
    return code_now(secret)


def test_password_and_second_step_from_a_known_device_get_in_however_many_guesses(member):
    from reclaim.accounts.adapter import MFAAdapter

    own = _known_browser("203.0.113.60")
    # Two-step sign-in turned on afterwards, so the one code below is used once
    # (a code that was used already is refused until the next one).
    secret = "JBSWY3DPEHPK3PXP"
    Authenticator.objects.create(
        user=member,
        type=Authenticator.Type.TOTP,
        data={"secret": MFAAdapter().encrypt(secret)},
    )

    _spread_guesses(60)
    again = _sign_in(own, PASSWORD)
    assert again["Location"] == "/account/2fa/authenticate/"
    assert _signed_in(own.post(again["Location"], {"code": _totp_code(secret)}))


def test_a_browser_that_stopped_at_the_second_step_is_not_a_known_device(member):
    from reclaim.accounts.adapter import MFAAdapter

    Authenticator.objects.create(
        user=member,
        type=Authenticator.Type.TOTP,
        data={"secret": MFAAdapter().encrypt("JBSWY3DPEHPK3PXP")},
    )
    # Someone who has the password but not the member's phone.
    halfway = _sign_in(_from("198.51.100.9"), PASSWORD)
    assert halfway["Location"] == "/account/2fa/authenticate/"
    assert KNOWN_DEVICE_COOKIE not in halfway.cookies
