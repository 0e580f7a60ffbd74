"""Signing in as a practitioner or the operator: two-factor, then their own start page."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, TOTP_SECRET
from reclaim.testing.totp import code_now


def _code() -> str:
    return code_now(TOTP_SECRET)


def _sign_in(username: str) -> tuple[Client, str]:
    client = Client()
    response = client.post(reverse("account_login"), {"login": username, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": _code()}, follow=True)
    return client, response.redirect_chain[-1][0]


def test_a_practitioner_lands_in_the_practice_area_never_the_welcome(practitioner):
    _client, landed = _sign_in("practitioner")
    assert landed == reverse("practice:index")


def test_the_operator_lands_on_their_start_page(operator):
    _client, landed = _sign_in("operator")
    assert landed == reverse("operator:index")


def test_the_member_welcome_is_not_found_for_a_practitioner(practitioner_client):
    assert practitioner_client.get(reverse("accounts:welcome")).status_code == 404


def test_a_member_who_has_not_been_welcomed_still_is(db, client, django_user_model):
    django_user_model.objects.create_user(username="newcomer", password=PASSWORD)
    response = client.post(reverse("account_login"), {"login": "newcomer", "password": PASSWORD})
    assert response["Location"] == reverse("accounts:welcome")
