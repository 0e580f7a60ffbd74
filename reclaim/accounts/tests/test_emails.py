"""E-mails say nothing about what the app is for: someone else may read the inbox."""

from __future__ import annotations

import pytest
from django.core import mail

from conftest import PASSWORD

SENSITIVE = ("reclaim", "betray", "affair", "trauma", "journal", "healing", "partner")


def _assert_neutral(message) -> None:
    text = f"{message.subject}\n{message.body}".lower()
    for alternative in getattr(message, "alternatives", []):
        text += str(alternative[0]).lower()
    for word in SENSITIVE:
        assert word not in text, f"{word!r} in an e-mail: {message.subject!r}"


@pytest.fixture
def neutral_site(settings):
    # The operator's own site name is the one thing that could leak; by
    # default e-mails use the discreet name instead.
    settings.RECLAIM_SITE_NAME = "Reclaim"
    return settings


def test_the_verification_email_is_neutral(client, db, neutral_site):
    client.post(
        "/account/signup/",
        {
            "username": "quietfern",
            "email": "fern@example.org",
            "password1": "copper kettles hum beside the lake",
            "password2": "copper kettles hum beside the lake",
        },
    )
    (message,) = mail.outbox
    assert message.subject == "Confirm your address"
    assert "Notes" in message.body
    _assert_neutral(message)


def test_the_password_reset_email_is_neutral(client, member, neutral_site):
    response = client.post("/account/password/reset/", {"email": member.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "Your password link"
    assert "/account/password/reset/key/" in message.body
    _assert_neutral(message)


def test_a_reset_for_an_unknown_address_sends_nothing_revealing(client, db, neutral_site):
    client.post("/account/password/reset/", {"email": "nobody@example.org"})
    # The owner of the address is told that no account uses it, in words
    # that do not say what the site is for.
    (message,) = mail.outbox
    assert message.to == ["nobody@example.org"]
    assert "/account/password/reset/key/" not in message.body
    _assert_neutral(message)


def test_changing_the_password_sends_no_email(member_client, member, neutral_site):
    response = member_client.post(
        "/account/password/change/",
        {
            "oldpassword": "a long and quiet river",
            "password1": "copper kettles hum beside the lake",
            "password2": "copper kettles hum beside the lake",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("copper kettles hum beside the lake")
    # allauth's change notices are off, so nothing lands in an inbox someone
    # else may read; turning them on must come with a neutrality test here.
    assert mail.outbox == []


def test_adding_an_address_sends_a_neutral_confirmation(member_client, neutral_site):
    # Adding an address asks for the password first (test_reauthentication).
    member_client.post("/account/reauthenticate/", {"password": PASSWORD})
    member_client.post("/account/email/", {"action_add": "", "email": "robin.new@example.org"})
    (message,) = mail.outbox
    assert message.to == ["robin.new@example.org"]
    assert message.subject == "Confirm your address"
    _assert_neutral(message)


def test_emails_carry_no_subject_prefix(client, member, neutral_site):
    client.post("/account/password/reset/", {"email": member.email})
    (message,) = mail.outbox
    assert not message.subject.startswith("[")
