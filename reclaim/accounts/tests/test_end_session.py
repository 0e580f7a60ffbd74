"""Signing out one other browser from the list of places signed in."""

from __future__ import annotations

from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from reclaim.testing import html

PHONE = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
DESK = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _sign_in(username: str, user_agent: str) -> Client:
    client = Client(HTTP_USER_AGENT=user_agent)
    client.post(reverse("account_login"), {"login": username, "password": PASSWORD})
    return client


def _end_url(session: UserSession) -> str:
    return reverse("accounts:end_session", kwargs={"session_id": session.pk})


def test_each_other_browser_has_its_own_sign_out_button(member):
    desk = _sign_in("member", DESK)
    _sign_in("member", PHONE)
    main = html.main(desk.get(reverse("usersessions_list")))
    phone_row = UserSession.objects.get(user=member, user_agent="Firefox on Android")
    forms = html.select(main, f'form[action="{_end_url(phone_row)}"]')
    assert len(forms) == 1
    assert html.words(forms[0]) == "Sign out this one: Firefox on Android"
    # This device has none: "Sign out" is for that.
    assert len(html.select(main, 'form[action*="/end/"]')) == 1


def test_sign_out_this_one_ends_only_that_browser(member):
    desk = _sign_in("member", DESK)
    phone = _sign_in("member", PHONE)
    tablet = _sign_in(
        "member", "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Version/17.0 Safari/605.1.15"
    )
    phone_row = UserSession.objects.get(user=member, user_agent="Firefox on Android")
    response = desk.post(_end_url(phone_row), follow=True)
    assert "That browser is signed out." in html.words(html.main(response))
    assert phone.get(reverse("accounts:settings")).status_code == 302
    assert tablet.get(reverse("accounts:settings")).status_code == 200
    assert desk.get(reverse("accounts:settings")).status_code == 200


def test_someone_elses_session_is_not_found(member, other_member):
    phone = _sign_in("member", PHONE)
    other = _sign_in("other_member", DESK)
    row = UserSession.objects.get(user=member)
    assert other.post(_end_url(row)).status_code == 404
    assert phone.get(reverse("accounts:settings")).status_code == 200


def test_signed_out_it_asks_to_sign_in(member, client):
    _sign_in("member", PHONE)
    row = UserSession.objects.get(user=member)
    response = client.post(_end_url(row))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_get_changes_nothing(member):
    desk = _sign_in("member", DESK)
    phone = _sign_in("member", PHONE)
    row = UserSession.objects.get(user=member, user_agent="Firefox on Android")
    assert desk.get(_end_url(row)).status_code == 405
    assert phone.get(reverse("accounts:settings")).status_code == 200
