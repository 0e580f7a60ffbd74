"""Changing how the account is reached asks the member to confirm it's them first:
e-mail addresses, the password, two-step sign-in and passkeys."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from conftest import PASSWORD


def _asks_to_confirm(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse("account_reauthenticate")
    )


@pytest.mark.parametrize(
    "name", ["mfa_activate_totp", "mfa_generate_recovery_codes", "mfa_add_webauthn"]
)
def test_two_step_and_passkey_changes_ask_for_the_password_first(member_client, name):
    assert _asks_to_confirm(member_client.get(reverse(name)))


def test_adding_an_email_address_asks_for_the_password_first(member_client, member):
    response = member_client.post(
        reverse("account_email"), {"action_add": "", "email": "new@example.org"}
    )
    assert _asks_to_confirm(response)
    assert not EmailAddress.objects.filter(user=member, email="new@example.org").exists()


def test_removing_an_email_address_asks_for_the_password_first(member_client, member):
    EmailAddress.objects.create(user=member, email="member@example.org", primary=True)
    response = member_client.post(
        reverse("account_email"), {"action_remove": "", "email": "member@example.org"}
    )
    assert _asks_to_confirm(response)
    assert EmailAddress.objects.filter(user=member, email="member@example.org").exists()


def test_once_confirmed_the_change_goes_ahead(member_client, member):
    member_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert member_client.get(reverse("mfa_add_webauthn")).status_code == 200


def test_a_new_password_needs_the_current_one(member_client, member):
    response = member_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "not it at all",
            "password1": "a new and quiet harbour",
            "password2": "a new and quiet harbour",
        },
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_a_member_with_a_passkey_can_confirm_with_it_in_plain_words(member_client, member):
    from allauth.mfa.models import Authenticator

    from reclaim.testing import html

    Authenticator.objects.create(
        user=member, type=Authenticator.Type.WEBAUTHN, data={"name": "My phone", "credential": {}}
    )
    main = html.main(member_client.get(reverse("account_reauthenticate")))
    links = [html.words(a) for a in html.select(main, ".button-row a")]
    assert "Use your passkey" in links
    assert not any("security key" in words for words in links)
