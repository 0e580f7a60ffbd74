"""Signing up: with an e-mail address, or with a username only."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from reclaim.accounts.models import RecoveryCode, User
from reclaim.testing import html

PASSPHRASE = "copper kettles hum beside the lake"


def _sign_up(client, **fields):
    data = {"username": "quietfern", "password1": PASSPHRASE, "password2": PASSPHRASE, **fields}
    return client.post("/account/signup/", data)


def _walk_the_welcome(client, situation=None, place=None):
    client.post(reverse("accounts:welcome_step", args=["about"]))
    client.post(reverse("accounts:welcome_step", args=["privacy"]))
    client.post(reverse("accounts:welcome_step", args=["situation"]), situation or {"skip": "1"})
    return client.post(reverse("accounts:welcome_step", args=["place"]), place or {"skip": "1"})


def test_the_sign_up_page_offers_both_ways(client, db):
    response = client.get("/account/signup/")
    assert response.status_code == 200
    assert html.label_for(response, "username")
    assert html.label_for(response, "email")


def test_signing_up_with_email_sends_a_verification_and_starts_the_welcome(client, db):
    response = _sign_up(client, email="fern@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:welcome")
    user = User.objects.get(username="quietfern")
    assert user.email == "fern@example.org"
    assert user.onboarded is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fern@example.org"]
    assert "/account/confirm-email/" in mail.outbox[0].body

    welcome = client.get(response["Location"])
    assert welcome.status_code == 200
    assert b"Step 1 of 4" in welcome.content


def test_the_verification_link_confirms_the_address(client, db):
    _sign_up(client, email="fern@example.org")
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    client.post(path)
    user = User.objects.get(username="quietfern")
    assert user.emailaddress_set.get(email="fern@example.org").verified


def test_a_member_with_email_finishes_on_today_without_recovery_codes(client, db):
    _sign_up(client, email="fern@example.org")
    response = _walk_the_welcome(client)
    assert response["Location"] == reverse("progress:today")
    assert not RecoveryCode.objects.exists()


def test_signing_up_with_a_username_only_sends_no_mail(client, db):
    response = _sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:welcome")
    assert User.objects.get(username="quietfern").email == ""
    assert mail.outbox == []


def test_a_username_only_member_is_shown_ten_recovery_codes_once(client, db):
    _sign_up(client)
    response = _walk_the_welcome(client)
    assert response["Location"] == reverse("accounts:recovery_codes")

    first = html.main(client.get(response["Location"]))
    codes = [html.words(code) for code in html.select(first, "li > code")]
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert "only this once" in html.words(first)

    second = client.get(reverse("accounts:recovery_codes"))
    assert not any(code in second.content.decode() for code in codes)
    assert "You have 10 unused codes" in html.words(html.main(second))
    assert html.label_for(second, "password")
    assert "Make new codes" in html.buttons(second)


def test_usernames_are_kept_in_lower_case(client, db):
    _sign_up(client, username="QuietFern")
    assert User.objects.filter(username="quietfern").exists()


def test_a_taken_username_is_explained_and_the_typing_kept(client, member):
    response = _sign_up(client, username="member", email="new@example.org")
    assert response.status_code == 200
    assert html.values(response, "email") == ["new@example.org"]
    assert User.objects.filter(username="member").count() == 1


def test_different_passwords_are_explained(client, db):
    response = _sign_up(client, password2=PASSPHRASE + " again")
    assert response.status_code == 200
    assert not User.objects.filter(username="quietfern").exists()
