"""Passkeys: offered on the sign-in page and in two-step sign-in, listed in
our words, and each one reachable only by its owner.

Making a real passkey needs a browser and an authenticator; that journey is
tests/e2e/test_passkey_journey.py. Here a stored one stands in for it.
"""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from reclaim.testing import html

# A passkey as Chromium's virtual authenticator made it (for localhost), so
# allauth can read it as it reads a real one.
CREDENTIAL = {
    "type": "public-key",
    "id": "9hla9HPZSNj5_4MwAS3cInzEPWtU-qzZcKoi0sIDsA0",
    "rawId": "9hla9HPZSNj5_4MwAS3cInzEPWtU-qzZcKoi0sIDsA0",
    "authenticatorAttachment": "platform",
    "response": {
        "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiWXF2UWphWEpTMF83WEd5a09OZUtBTk96RlItM0pPVFkzeGZnLXhOU19STSIsIm9yaWdpbiI6Imh0dHA6Ly9sb2NhbGhvc3Q6NTYxODciLCJjcm9zc09yaWdpbiI6ZmFsc2UsIm90aGVyX2tleXNfY2FuX2JlX2FkZGVkX2hlcmUiOiJkbyBub3QgY29tcGFyZSBjbGllbnREYXRhSlNPTiBhZ2FpbnN0IGEgdGVtcGxhdGUuIFNlZSBodHRwczovL2dvby5nbC95YWJQZXgifQ",
        "attestationObject": "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YVikSZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2NFAAAAAQECAwQFBgcIAQIDBAUGBwgAIPYZWvRz2UjY-f-DMAEt3CJ8xD1rVPqs2XCqItLCA7ANpQECAyYgASFYIIt8midTMKS_N5S8QM_c5v_7QBZOr5y3xYUHdc1DLDYQIlggY-u16eBad9d8N-aRQPo-NiDgfJ1B2Y0A7Z29q0mGpvo",
        "transports": ["internal"],
    },
    "clientExtensionResults": {"credProps": {"rk": True}},
}


@pytest.fixture
def passkey(member) -> Authenticator:
    return Authenticator.objects.create(
        user=member,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "My phone", "credential": CREDENTIAL},
    )


def _confirmed(client: Client) -> Client:
    """allauth asks for the password again before a change to how one signs in."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def test_the_sign_in_page_offers_a_passkey_with_scripts_the_csp_allows(client, db):
    response = client.get(reverse("account_login"))
    main = html.main(response)
    button = html.one(main, "#passkey_login")
    assert html.words(button) == "Use a passkey instead"
    assert html.one(main, "form#mfa_login")["action"] == reverse("mfa_login_webauthn")
    nonce = response.context["request"].csp_nonce
    scripts = html.select(main, "script[src]")
    assert scripts, "the passkey scripts are missing"
    for script in scripts:
        assert script["nonce"] == nonce
        assert script.has_attr("defer")
    # The settings for the script are data the browser never runs.
    assert all(s["type"] == "application/json" for s in html.select(main, "script:not([src])"))


def test_without_passkeys_the_list_says_so_and_offers_to_add_one(member_client):
    response = member_client.get(reverse("mfa_list_webauthn"))
    main = html.main(response)
    assert "You haven't added a passkey yet." in html.words(main)
    assert reverse("mfa_add_webauthn") in html.hrefs(main)


def test_the_list_names_each_passkey_and_what_it_does(member_client, passkey):
    main = html.main(member_client.get(reverse("mfa_list_webauthn")))
    assert [html.words(h) for h in html.select(main, "h2")] == ["My phone"]
    assert "Signs you in on its own." in html.words(main)
    assert reverse("mfa_remove_webauthn", kwargs={"pk": passkey.pk}) in html.hrefs(main)


def test_two_step_sign_in_offers_passkeys(member_client, passkey):
    main = html.main(member_client.get(reverse("mfa_index")))
    assert "You have 1 passkey" in html.words(main)
    assert reverse("mfa_list_webauthn") in html.hrefs(main)


def test_the_settings_page_links_the_passkeys(member_client):
    main = html.main(member_client.get(reverse("accounts:settings")))
    assert reverse("mfa_list_webauthn") in html.hrefs(main)


def test_adding_a_passkey_asks_for_the_password_first(member_client):
    response = member_client.get(reverse("mfa_add_webauthn"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_the_add_page_explains_itself_in_our_words(member_client):
    main = html.main(_confirmed(member_client).get(reverse("mfa_add_webauthn")))
    assert html.label_for(main, "name") == "A name for it"
    assert html.one(main, 'input[name="passwordless"]').has_attr("checked")
    assert html.one(main, "#mfa_webauthn_add")


def test_a_passkey_can_be_renamed(member_client, passkey):
    url = reverse("mfa_edit_webauthn", kwargs={"pk": passkey.pk})
    _confirmed(member_client).post(url, {"name": "Work laptop"})
    passkey.refresh_from_db()
    assert passkey.data["name"] == "Work laptop"


def test_a_passkey_can_be_removed_after_saying_what_happens(member_client, passkey):
    url = reverse("mfa_remove_webauthn", kwargs={"pk": passkey.pk})
    page = html.main(_confirmed(member_client).get(url))
    assert "It will no longer sign you in." in html.words(page)
    member_client.post(url)
    assert not Authenticator.objects.filter(pk=passkey.pk).exists()


@pytest.mark.parametrize("name", ["mfa_edit_webauthn", "mfa_remove_webauthn"])
def test_someone_elses_passkey_is_not_found(other_member, passkey, name):
    client = Client()
    client.force_login(other_member)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    url = reverse(name, kwargs={"pk": passkey.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "mine now"}).status_code == 404
    passkey.refresh_from_db()
    assert passkey.data["name"] == "My phone"


@pytest.mark.parametrize("name", ["mfa_list_webauthn", "mfa_add_webauthn"])
def test_signed_out_the_passkey_pages_ask_to_sign_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def _waiting_for_second_step(client: Client, member) -> Client:
    client.post(reverse("account_login"), {"login": "member", "password": PASSWORD})
    return client


def test_the_second_step_offers_the_passkey_to_a_member_who_has_one(client, member, passkey):
    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={"secret": "x"})
    main = html.main(_waiting_for_second_step(client, member).get(reverse("mfa_authenticate")))
    assert html.one(main, "#mfa_webauthn_authenticate")


def test_the_second_step_does_not_offer_a_passkey_to_a_member_without_one(client, member):
    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={"secret": "x"})
    main = html.main(_waiting_for_second_step(client, member).get(reverse("mfa_authenticate")))
    assert not html.select(main, "#mfa_webauthn_authenticate")
    assert "passkey" not in html.words(main)
