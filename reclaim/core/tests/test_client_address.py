"""The visitor's address: believed from X-Forwarded-For only through our own proxies."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from reclaim.core.addresses import client_address

PROXY = "10.0.0.5"


def _request(remote: str, forwarded: str | None = None):
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


@pytest.fixture
def behind_proxy(settings):
    settings.RECLAIM_TRUSTED_PROXIES = ["10.0.0.0/24", "fd00::/8"]
    return settings


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.RECLAIM_TRUSTED_PROXIES = []
    assert client_address(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_a_visitor_who_is_not_our_proxy_cannot_claim_an_address(behind_proxy):
    assert client_address(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_through_our_proxy_the_client_is_the_address_it_saw(behind_proxy):
    assert client_address(_request(PROXY, "203.0.113.9")) == "203.0.113.9"


def test_addresses_the_visitor_wrote_themselves_are_skipped(behind_proxy):
    # The visitor sent "X-Forwarded-For: 1.2.3.4"; our proxy appended what it saw.
    assert client_address(_request(PROXY, "1.2.3.4, 203.0.113.9")) == "203.0.113.9"


def test_a_chain_of_our_own_proxies_is_walked_from_the_right(behind_proxy):
    forwarded = "1.2.3.4, 203.0.113.9, 10.0.0.7"
    assert client_address(_request(PROXY, forwarded)) == "203.0.113.9"


def test_garbage_left_of_our_proxies_is_not_believed(behind_proxy):
    assert client_address(_request(PROXY, "not-an-address, 10.0.0.7")) == "10.0.0.7"


def test_a_request_through_our_proxy_without_the_header_is_the_proxy(behind_proxy):
    assert client_address(_request(PROXY)) == PROXY


def test_ipv6_and_ports_are_understood(behind_proxy):
    assert client_address(_request("fd00::1", "[2001:db8::7]:5123")) == "2001:db8::7"
    assert client_address(_request(PROXY, "203.0.113.9:5123")) == "203.0.113.9"
    assert client_address(_request("::ffff:10.0.0.5", "203.0.113.9")) == "203.0.113.9"


def test_no_address_at_all_is_empty(settings):
    assert client_address(_request("")) == ""


def test_allauth_asks_the_same_function(behind_proxy):
    from allauth.account.adapter import get_adapter

    request = _request(PROXY, "1.2.3.4, 203.0.113.9")
    assert get_adapter(request).get_client_ip(request) == "203.0.113.9"
