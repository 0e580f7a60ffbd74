"""Behind a reverse proxy, each visitor has their own sign-in allowance."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import PASSWORD

PROXY = "10.0.0.5"
KIND = b"To keep your account safe, we have paused sign-in here"


@pytest.fixture
def behind_proxy(settings):
    settings.RECLAIM_TRUSTED_PROXIES = ["10.0.0.0/24"]
    return settings


def _via_proxy(client_address: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)


def _sign_in(client: Client, password: str, login: str = "member"):
    return client.post("/account/login/", {"login": login, "password": password})


def _signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def test_fifty_wrong_passwords_through_the_proxy_then_the_owner_signs_in(member, behind_proxy):
    guesser = _via_proxy("198.51.100.7")
    for _ in range(50):
        _sign_in(guesser, "not the password")
    # The guesser is held (by the per-address limits, the last tries by allauth's)...
    assert not _signed_in(_sign_in(guesser, PASSWORD))
    # ...and the owner, through the same proxy, is not.
    assert _signed_in(_sign_in(_via_proxy("203.0.113.20"), PASSWORD))


def test_an_attacker_behind_the_proxy_cannot_lock_out_other_members(
    member, other_member, behind_proxy
):
    guesser = _via_proxy("198.51.100.7")
    for n in range(30):
        _sign_in(guesser, "not the password", login=f"someone{n}")
    for _ in range(10):
        _sign_in(guesser, "not the password", login="other_member")
    assert _signed_in(_sign_in(_via_proxy("203.0.113.20"), PASSWORD))
    assert _signed_in(_sign_in(_via_proxy("203.0.113.21"), PASSWORD, login="other_member"))


def test_a_made_up_forwarded_address_does_not_buy_more_tries(member, settings):
    # No trusted proxies: whatever a visitor puts in the header is ignored.
    settings.RECLAIM_TRUSTED_PROXIES = []
    for n in range(5):
        liar = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        _sign_in(liar, "not the password")
    liar = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert KIND in _sign_in(liar, PASSWORD).content


def test_allauths_own_limits_count_the_visitor_not_the_proxy(member, behind_proxy):
    behind_proxy.ACCOUNT_RATE_LIMITS = {**behind_proxy.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    busy = _via_proxy("198.51.100.7")
    for _ in range(3):
        _sign_in(busy, "not the password", login="nobody")
    held = _sign_in(busy, PASSWORD)
    assert held.status_code == 429
    assert b"Nothing is wrong with your account." in held.content
    assert _signed_in(_sign_in(_via_proxy("203.0.113.20"), PASSWORD))
