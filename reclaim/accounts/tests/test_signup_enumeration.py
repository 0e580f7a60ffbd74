"""Sign-up does not tell a stranger whether an e-mail address is already here."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from conftest import PASSWORD
from reclaim.accounts.models import User
from reclaim.testing import html

from .test_emails import _assert_neutral

PASSPHRASE = "copper kettles hum beside the lake"


@pytest.fixture
def confirmed(member):
    """The member's address, confirmed, as a long-standing member's would be."""
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


def _sign_up(username: str, email: str):
    client = Client()
    response = client.post(
        "/account/signup/",
        {"username": username, "email": email, "password1": PASSPHRASE, "password2": PASSPHRASE},
    )
    following = client.get(response["Location"]) if response.status_code == 302 else None
    return client, response, following


def _what_a_stranger_sees(response, following, email: str) -> tuple:
    # The address they typed is echoed back in both cases; the rest must match.
    page = following.content.decode().replace(email, "ADDRESS") if following is not None else ""
    messages = [html.words(message) for message in html.select(page, '[role="status"] p')]
    return (response.status_code, response.get("Location"), following.status_code, messages)


def test_a_taken_address_gets_the_same_answer_as_a_new_one(confirmed):
    _, taken, taken_next = _sign_up("quietfern", confirmed.email)
    _, fresh, fresh_next = _sign_up("stillpond", "nobody-yet@example.org")
    seen = _what_a_stranger_sees(taken, taken_next, confirmed.email)
    assert seen == _what_a_stranger_sees(fresh, fresh_next, "nobody-yet@example.org")
    assert seen[:2] == (302, "/welcome/")
    assert not any("already" in message for message in seen[3])


def test_the_owner_of_a_taken_address_is_told_neutrally_and_nothing_is_confirmable(confirmed):
    _sign_up("quietfern", confirmed.email)
    (message,) = mail.outbox
    assert message.to == [confirmed.email]
    assert message.subject == "About your address"
    assert "/account/password/reset/" in message.body
    assert "/account/confirm-email/" not in message.body
    _assert_neutral(message)
    # The newcomer's copy of the address stays unconfirmed; the owner's account is untouched.
    newcomer = User.objects.get(username="quietfern")
    assert not EmailAddress.objects.filter(user=newcomer, verified=True).exists()
    assert EmailAddress.objects.get(user=confirmed).verified


def test_a_new_address_still_gets_its_confirmation_link(db):
    _sign_up("stillpond", "nobody-yet@example.org")
    (message,) = mail.outbox
    assert "/account/confirm-email/" in message.body


def test_asking_again_for_a_confirmation_sends_only_the_note(confirmed, settings):
    # No pause between two confirmation mails, for the test.
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "confirm_email": None}
    client, _, _ = _sign_up("quietfern", confirmed.email)
    mail.outbox.clear()
    client.post("/account/email/", {"action_send": "", "email": confirmed.email})
    assert mail.outbox
    for message in mail.outbox:
        assert "/account/confirm-email/" not in message.body


def test_signing_in_by_the_address_does_not_reveal_it_either(confirmed):
    newcomer, _, _ = _sign_up("quietfern", confirmed.email)
    newcomer.post("/account/logout/")
    # The newcomer gets in by the address with their own password, as they
    # would if the address had been free...
    again = Client().post("/account/login/", {"login": confirmed.email, "password": PASSPHRASE})
    assert again.status_code == 302
    assert again.client.session["_auth_user_id"] == str(User.objects.get(username="quietfern").pk)
    # ...and the owner still gets into their own account with theirs.
    owner = Client().post("/account/login/", {"login": confirmed.email, "password": PASSWORD})
    assert owner.client.session["_auth_user_id"] == str(confirmed.pk)


def test_a_password_reset_for_the_address_reaches_only_the_owners_account(confirmed):
    _sign_up("quietfern", confirmed.email)
    mail.outbox.clear()
    Client().post("/account/password/reset/", {"email": confirmed.email})
    # One mail, not one per account that has the address.
    (message,) = mail.outbox
    assert "/account/password/reset/key/" in message.body
