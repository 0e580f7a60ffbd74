"""Visitors' forms without captchas: the honeypot field and the limits per address and per e-mail."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import RequestFactory

from reclaim.practice import protection
from reclaim.testing import html

pytestmark = pytest.mark.django_db

EMAIL = "Sam.Private@Example.org"


def _request(address: str = "198.51.100.7"):
    return RequestFactory().post("/webinars/a/", REMOTE_ADDR=address)


def _tries(count: int, *, address: str = "198.51.100.7", email: str = "", scope: str = "webinar"):
    return [protection.over_limit(_request(address), scope, email) for _ in range(count)]


def test_an_empty_honeypot_is_a_person():
    assert not protection.honeypot_tripped({"name": "Sam", "website": ""})
    assert not protection.honeypot_tripped({"name": "Sam", "website": "   "})
    assert not protection.honeypot_tripped({"name": "Sam"})


def test_a_filled_honeypot_is_a_program():
    assert protection.honeypot_tripped({"name": "Sam", "website": "http://spam.example"})


def test_the_honeypot_is_out_of_sight_out_of_reach_and_never_filled_by_the_browser():
    snippet = render_to_string("practice/_honeypot.html")
    field = html.one(snippet, f'input[name="{protection.HONEYPOT_FIELD}"]')
    assert field["tabindex"] == "-1"
    assert field["autocomplete"] == "off"
    assert field["value"] == ""
    wrapper = field.find_parent("div")
    assert wrapper["aria-hidden"] == "true"
    assert "visually-hidden" in wrapper["class"]
    # Someone whose screen reader shows it anyway is told what to do.
    assert html.label_for(snippet, protection.HONEYPOT_FIELD) == "Leave this empty"


def test_a_person_trying_a_few_times_is_never_stopped():
    assert _tries(protection.LIMITS["webinar"].per_email, email=EMAIL) == [False] * 5


def test_one_address_is_stopped_after_its_limit_whatever_e_mails_it_gives():
    limit = protection.LIMITS["webinar"].per_address
    results = [
        protection.over_limit(_request(), "webinar", f"person{n}@example.org")
        for n in range(limit + 2)
    ]
    assert results == [False] * limit + [True, True]
    # Someone else, elsewhere, is not stopped by it.
    assert not protection.over_limit(_request("203.0.113.9"), "webinar", "new@example.org")


def test_one_e_mail_is_stopped_after_its_limit_from_any_address_in_any_case():
    limit = protection.LIMITS["webinar"].per_email
    results = [
        protection.over_limit(
            _request(f"203.0.113.{n}"), "webinar", EMAIL.upper() if n % 2 else f" {EMAIL} "
        )
        for n in range(limit + 1)
    ]
    assert results == [False] * limit + [True]


def test_each_form_counts_on_its_own():
    limit = protection.LIMITS["webinar"].per_address
    _tries(limit + 1)
    assert protection.over_limit(_request(), "webinar")
    assert not protection.over_limit(_request(), "consultation")


def test_a_form_not_listed_gets_the_default_limit():
    results = _tries(protection.DEFAULT_LIMIT.per_address + 1, scope="something-new")
    assert results[-1] is True
    assert results[:-1] == [False] * protection.DEFAULT_LIMIT.per_address


def test_the_window_passes_and_the_visitor_may_try_again():
    limit = protection.LIMITS["webinar"].per_address
    _tries(limit + 1)
    assert protection.over_limit(_request(), "webinar")
    cache.clear()  # What the end of the hour does.
    assert not protection.over_limit(_request(), "webinar")


def test_the_cache_keys_hold_neither_the_e_mail_nor_the_address(monkeypatch):
    keys: list[str] = []
    for name in ("add", "incr", "set", "get"):
        original = getattr(cache, name)

        def spy(key, *args, _original=original, **kwargs):
            keys.append(key)
            return _original(key, *args, **kwargs)

        monkeypatch.setattr(cache, name, spy)
    protection.over_limit(_request("198.51.100.7"), "webinar", EMAIL)
    assert keys
    joined = " ".join(keys).lower()
    assert "sam.private" not in joined
    assert "example.org" not in joined
    assert "198.51.100.7" not in joined
