"""Deleting the account: a plain warning, proof it is you, then everything goes at once."""

from __future__ import annotations

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from reclaim.core.demo import demo_seeders
from reclaim.testing.html import words
from reclaim.testing.totp import code_now
from reclaim.vault.crypto import key_cache
from reclaim.vault.models import DataKey

URL = reverse("accounts:delete_account")
REAUTH = reverse("account_reauthenticate")


def _signed_in_browser() -> Client:
    """A browser that signed in with the password, as a second device would."""
    browser = Client()
    browser.post(reverse("account_login"), {"login": "member", "password": PASSWORD})
    browser.get(reverse("accounts:settings"))
    return browser


def _delete_with_password(client: Client):
    """Press the button, confirm with the password: allauth replays the press."""
    first = client.post(URL)
    assert first.status_code == 302
    assert first["Location"].startswith(REAUTH)
    return client.post(first["Location"], {"password": PASSWORD})


def _rows_naming(user_id: int) -> list[str]:
    """Every row in every model that still points at this user id, by model name."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not field.concrete:
                continue
            points_at_user = (
                isinstance(field, models.ForeignKey)
                and field.related_model._meta.label == "accounts.User"
            )
            if (
                points_at_user
                and model._default_manager.filter(**{field.attname: user_id}).exists()
            ):
                found.append(f"{model._meta.label}.{field.name}")
    return found


def _blobs_sealed_with(key_id: int) -> list[str]:
    """Every sealed column, in every model, still holding a value sealed with this data key."""
    header = key_id.to_bytes(8, "big")
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.BinaryField):
                continue
            values = model._default_manager.exclude(**{f"{field.attname}__isnull": True})
            for blob in values.values_list(field.attname, flat=True):
                if bytes(blob)[1:9] == header:
                    found.append(f"{model._meta.label}.{field.name}")
    return found


def test_the_settings_page_offers_to_delete_the_account(member_client):
    response = member_client.get(reverse("accounts:settings"))
    assert URL.encode() in response.content
    assert b"Delete my account" in response.content


def test_the_page_says_plainly_what_will_happen_and_deletes_nothing(member_client, member):
    response = member_client.get(URL)
    assert response.status_code == 200
    assert b"everything in it, straight away" in response.content
    assert b"cannot be undone" in response.content
    assert b"shared with a practitioner" in response.content
    # Bookings made on a practitioner's public pages are theirs, not the
    # account's: the member is told they stay, and how to cancel them.
    assert "webinar place you took on a practitioner" in words(response)
    assert "To cancel it, use your own page linked in its e-mail" in words(response)
    assert type(member).objects.filter(pk=member.pk).exists()


def test_it_asks_for_the_password_before_deleting_anything(member_client, member):
    response = member_client.post(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTH)
    assert type(member).objects.filter(pk=member.pk).exists()
    assert DataKey.objects.filter(owner_id=member.pk).exists()


def test_a_wrong_password_deletes_nothing(member_client, member):
    first = member_client.post(URL)
    response = member_client.post(first["Location"], {"password": "not the password"})
    assert response.status_code == 200
    assert type(member).objects.filter(pk=member.pk).exists()


def test_the_member_deletes_their_account_and_it_is_gone(member_client, member):
    response = _delete_with_password(member_client)
    assert response.status_code == 200
    assert b"Your account and everything in it is gone" in response.content
    # Nothing of this moment is kept by the browser or a shared cache.
    assert "no-store" in response["Cache-Control"]
    assert not type(member).objects.filter(pk=member.pk).exists()
    assert not DataKey.objects.filter(owner_id=member.pk).exists()
    # Signed out here: a member page now sends this browser to sign in.
    after = member_client.get(reverse("accounts:settings"))
    assert after.status_code == 302
    assert after["Location"].startswith(reverse("account_login"))


def test_every_other_signed_in_browser_is_signed_out(member, other_member):
    here = _signed_in_browser()
    elsewhere = _signed_in_browser()
    neighbour = Client()
    neighbour.force_login(other_member)
    _delete_with_password(here)
    response = elsewhere.get(reverse("accounts:settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    live = Session.objects.filter(expire_date__gt=timezone.now())
    assert not [s for s in live if s.get_decoded().get("_auth_user_id") == str(member.pk)]
    # Someone else's sign-in is untouched.
    assert neighbour.get(reverse("accounts:settings")).status_code == 200


def test_with_two_step_sign_in_it_asks_for_the_code_as_well(member_client, member):
    from allauth.mfa.totp.internal.auth import TOTP

    from conftest import TOTP_SECRET

    TOTP.activate(member, TOTP_SECRET)
    after_password = _delete_with_password(member_client)
    assert after_password.status_code == 302
    assert after_password["Location"].startswith(reverse("mfa_reauthenticate"))
    assert type(member).objects.filter(pk=member.pk).exists()
    code = code_now(TOTP_SECRET)
    response = member_client.post(after_password["Location"], {"code": code})
    assert b"Your account and everything in it is gone" in response.content
    assert not type(member).objects.filter(pk=member.pk).exists()


def test_the_old_details_no_longer_sign_in(member_client, member):
    _delete_with_password(member_client)
    browser = Client()
    browser.post(reverse("account_login"), {"login": "member", "password": PASSWORD})
    assert "_auth_user_id" not in browser.session


def test_nothing_of_the_member_is_left_in_any_model(member_client, member, other_member):
    today = timezone.localdate()
    with key_cache():
        for _name, seed in demo_seeders():
            seed(member, 14, today)
            seed(other_member, 3, today)
    assert len(_rows_naming(member.pk)) > 10
    kept = _rows_naming(other_member.pk)
    key_id = DataKey.objects.get(owner_id=member.pk).pk
    assert _blobs_sealed_with(key_id)
    _delete_with_password(member_client)
    assert _rows_naming(member.pk) == []
    assert _blobs_sealed_with(key_id) == []
    assert not DataKey.objects.filter(owner_id=member.pk).exists()
    # The other member keeps everything.
    assert _rows_naming(other_member.pk) == kept


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_practitioner_gets_404(practitioner_client, practitioner):
    assert practitioner_client.get(URL).status_code == 404
    assert practitioner_client.post(URL).status_code == 404
    assert type(practitioner).objects.filter(pk=practitioner.pk).exists()
