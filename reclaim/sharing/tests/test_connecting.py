"""Connecting: a practitioner's code, the member sees who it is, confirms, and can leave."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reclaim.sharing import codes
from reclaim.sharing.forms import CODE_REFUSED
from reclaim.sharing.models import ClientInvitation, Connection
from reclaim.testing.html import words

from .makers import connect

INDEX = reverse("sharing:index")
CLIENTS = reverse("practice:clients")


def _make_code(practitioner_client) -> str:
    response = practitioner_client.post(CLIENTS)
    assert response.status_code == 200
    code = response.context["new"]["code"]
    assert code in response.content.decode()
    return code


def _connect_through_pages(member_client, code: str, name: str = "R."):
    return member_client.post(reverse("sharing:connect"), {"code": code, "shown_name": name})


def test_a_code_is_short_easy_to_read_and_only_its_digest_is_kept(practitioner_client):
    code = _make_code(practitioner_client)
    assert len(code) == 7 and code[3] == "-"
    assert all(ch in codes.ALPHABET for ch in code.replace("-", ""))
    invitation = ClientInvitation.objects.get()
    assert code not in invitation.code_digest
    assert invitation.code_digest == codes.digest(code.lower().replace("-", " "))
    assert timedelta(days=13) < invitation.expires - timezone.now() <= timedelta(days=14)


def test_the_member_sees_who_the_practitioner_is_and_what_connecting_means_before_anything_happens(
    practitioner, practitioner_client, member_client
):
    code = _make_code(practitioner_client)
    response = member_client.post(reverse("sharing:check_code"), {"code": code.lower()})
    text = words(response)
    assert response.status_code == 200
    assert "Connect with practitioner?" in text  # No profile yet: their account name.
    assert "nothing else yet" in text
    assert not Connection.objects.exists()
    assert ClientInvitation.objects.get().used_at is None


def test_confirming_connects_with_every_switch_off_and_the_practitioner_sees_only_the_chosen_name(
    member, practitioner_client, member_client
):
    code = _make_code(practitioner_client)
    response = _connect_through_pages(member_client, code, name="R. from Tuesdays")
    connection = Connection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("sharing:connection", args=[connection.pk])
    assert not connection.grants.exists()
    listing = words(practitioner_client.get(CLIENTS))
    assert "R. from Tuesdays" in listing
    assert "Robin" not in listing  # The member's own display name stays theirs.


def test_a_practitioner_learns_of_no_member_before_they_connect(
    member, practitioner_client, member_client
):
    code = _make_code(practitioner_client)
    member_client.post(reverse("sharing:check_code"), {"code": code})
    assert "No clients connected yet." in words(practitioner_client.get(CLIENTS))


@pytest.mark.parametrize("why", ["used", "expired", "unknown", "malformed"])
def test_a_code_that_cannot_be_used_gets_the_same_kind_message(
    why, member, other_member, practitioner, practitioner_client, member_client
):
    code = _make_code(practitioner_client)
    if why == "used":
        from reclaim.sharing.actions import do_connect

        do_connect(other_member, code, "A.")
    elif why == "expired":
        ClientInvitation.objects.update(expires=timezone.now() - timedelta(minutes=1))
    elif why == "unknown":
        code = "AAA-AAA" if code != "AAA-AAA" else "CCC-CCC"
    else:
        code = "hello"
    for response in (
        member_client.post(reverse("sharing:check_code"), {"code": code}),
        _connect_through_pages(member_client, code),
    ):
        assert response.status_code == 400
        assert CODE_REFUSED in words(response)
    assert not Connection.objects.filter(owner=member).exists()


def test_a_code_works_once_even_when_two_members_confirm_with_it(
    member, other_member, practitioner, member_client, other_client, practitioner_client
):
    code = _make_code(practitioner_client)
    first = _connect_through_pages(member_client, code)
    second = _connect_through_pages(other_client, code)
    assert first.status_code == 302
    assert second.status_code == 400
    assert Connection.objects.get().owner == member


def test_a_member_can_connect_with_several_practitioners(member, practitioner, django_user_model):
    from conftest import _make_user, _with_totp

    second = _with_totp(
        _make_user(django_user_model, "second", role="practitioner", onboarded=None)
    )
    connect(member, practitioner)
    connect(member, second)
    assert Connection.objects.filter(owner=member, ended__isnull=True).count() == 2


def test_the_member_can_disconnect_and_the_practitioner_loses_the_client_at_once(
    member, practitioner, practitioner_client, member_client
):
    connection = connect(member, practitioner)
    client_page = reverse("practice:client", args=[connection.pk])
    assert practitioner_client.get(client_page).status_code == 200
    page = member_client.get(reverse("sharing:disconnect", args=[connection.pk]))
    assert "Disconnect from practitioner?" in words(page)
    response = member_client.post(reverse("sharing:disconnect", args=[connection.pk]))
    assert response.status_code == 302
    assert practitioner_client.get(client_page).status_code == 404
    assert "No clients connected yet." in words(practitioner_client.get(CLIENTS))
    assert "No longer connected" in words(member_client.get(INDEX))


def test_too_many_code_tries_are_paused(member_client):
    for _ in range(10):
        member_client.post(reverse("sharing:check_code"), {"code": "AAA-AAA"})
    response = member_client.post(reverse("sharing:check_code"), {"code": "AAA-AAA"})
    assert response.status_code == 429
    assert "try again in an hour" in words(response)


def test_the_settings_page_leads_to_sharing(member_client):
    assert INDEX in member_client.get(reverse("accounts:settings")).content.decode()
