"""Signing up and signing in last the same, as long as the member chooses."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from conftest import PASSWORD
from reclaim.testing import html

PASSPHRASE = "copper kettles hum beside the lake"


def _sign_up(client: Client, **extra: str):
    data = {"username": "quietfern", "password1": PASSPHRASE, "password2": PASSPHRASE, **extra}
    response = client.post("/account/signup/", data)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    return response


def _sign_in(client: Client, **extra: str):
    response = client.post("/account/login/", {"login": "member", "password": PASSWORD, **extra})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    return response


def _lasts_until_the_browser_closes(client: Client, response) -> bool:
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    browser_session = client.session.get_expire_at_browser_close()
    assert browser_session == (not cookie["max-age"]), "cookie and session disagree"
    return browser_session


def test_both_forms_offer_the_same_choice_off_by_default(client, db):
    for path in ("/account/signup/", "/account/login/"):
        page = client.get(path)
        assert html.label_for(page, "remember") == "Keep me signed in on this device"
        # An unticked box sends nothing.
        assert html.values(page, "remember") == [], path


@pytest.mark.parametrize("how", ["sign up", "sign in"])
def test_without_the_box_the_session_ends_with_the_browser(client, member, how):
    response = _sign_up(client) if how == "sign up" else _sign_in(client)
    assert _lasts_until_the_browser_closes(client, response)


@pytest.mark.parametrize("how", ["sign up", "sign in"])
def test_with_the_box_the_session_lasts_the_configured_days(client, member, how):
    response = (
        _sign_up(client, remember="on") if how == "sign up" else _sign_in(client, remember="on")
    )
    assert not _lasts_until_the_browser_closes(client, response)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE
