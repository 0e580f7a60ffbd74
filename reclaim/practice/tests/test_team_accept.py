"""The invitation page: an invited person makes a practitioner account, once."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reclaim.practice.actions import team
from reclaim.practice.models import AuditEntry, Invitation
from reclaim.testing import html
from reclaim.testing.totp import code_now

NEW_PASSWORD = "a slow boat on a wide river"


@pytest.fixture
def invited(operator) -> team.NewInvitation:
    return team.do_invite(operator, "sam@example.org")


def _url(token: str) -> str:
    return reverse("invitation:accept", args=[token])


def _accept(client: Client, token: str, username: str = "sam", **extra: str):
    return client.post(
        _url(token),
        {"username": username, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **extra},
    )


def test_it_offers_a_form_with_the_invited_address_fixed(client, invited):
    response = client.get(_url(invited.token))
    assert response.status_code == 200
    assert html.values(response, "email") == ["sam@example.org"]
    assert html.one(response, "input[name=email]").has_attr("readonly")
    assert html.label_for(response, "username") == "Username"


def test_it_makes_a_practitioner_account_and_sends_them_to_set_up_two_factor(client, invited):
    response = _accept(client, invited.token)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    user = get_user_model().objects.get(username="sam")
    assert user.is_practitioner
    assert user.email == "sam@example.org"
    assert EmailAddress.objects.filter(user=user, email="sam@example.org", verified=True).exists()
    # Signed in: the two-factor page opens without asking for the password again.
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_it_ignores_a_different_address_sent_back(client, invited):
    _accept(client, invited.token, email="someone-else@example.org")
    assert get_user_model().objects.get(username="sam").email == "sam@example.org"


def test_after_two_factor_the_practitioner_reaches_their_area(client, invited):
    _accept(client, invited.token)
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    code = code_now(secret)
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    # The front door sends a practitioner to the practice area, never to the
    # member's welcome.
    home = client.get("/", follow=True)
    assert home.redirect_chain[-1][0] == reverse("practice:index")
    assert home.status_code == 200


def test_the_link_works_only_once(client, invited):
    _accept(client, invited.token)
    again = _accept(Client(), invited.token, username="sam2")
    assert again.status_code == 404
    assert not get_user_model().objects.filter(username="sam2").exists()


def test_used_expired_and_unknown_links_get_the_same_kind_page(client, operator):
    used = team.do_invite(operator, "a@example.org")
    _accept(Client(), used.token, username="first")
    expired = team.do_invite(operator, "b@example.org")
    Invitation.objects.filter(pk=expired.invitation.pk).update(
        expires=timezone.now() - timedelta(minutes=1)
    )
    answers = [client.get(_url(t)) for t in (used.token, expired.token, "not-a-real-token")]
    assert {a.status_code for a in answers} == {404}
    texts = {html.words(html.main(a)) for a in answers}
    assert len(texts) == 1
    assert "no longer works" in texts.pop()


def test_a_taken_username_keeps_what_was_typed_and_the_invitation_open(client, invited, member):
    response = _accept(client, invited.token, username="member")
    assert response.status_code == 400
    assert "taken" in html.words(html.main(response))
    assert html.values(response, "username") == ["member"]
    assert Invitation.objects.get(pk=invited.invitation.pk).used_at is None
    assert _accept(client, invited.token, username="sam").status_code == 302


def test_passwords_that_differ_get_a_kind_message(client, invited):
    response = _accept(client, invited.token, password2="something else entirely")
    assert response.status_code == 400
    assert "not the same" in html.words(html.main(response))
    assert html.values(response, "username") == ["sam"]
    assert not get_user_model().objects.filter(username="sam").exists()


def test_a_short_password_is_refused_with_the_rule(client, invited):
    response = client.post(
        _url(invited.token), {"username": "sam", "password1": "short", "password2": "short"}
    )
    assert response.status_code == 400
    assert "too short" in html.words(html.main(response)).lower()


def test_a_signed_in_member_is_told_kindly_to_use_a_separate_account(member_client, invited):
    response = member_client.get(_url(invited.token))
    assert response.status_code == 200
    assert "separate account" in html.words(html.main(response))
    assert html.select(response, "main input[name=username]") == []
    # Posting changes nothing either.
    _accept(member_client, invited.token)
    assert not get_user_model().objects.filter(username="sam").exists()


def test_a_signed_in_practitioner_is_pointed_to_their_start_page(practitioner_client, invited):
    response = practitioner_client.get(_url(invited.token))
    assert "/" in html.hrefs(html.main(response))
    assert "separate account" not in html.words(html.main(response))


def test_the_page_is_never_kept_by_the_browser(client, invited):
    # Its address holds the token: no cache may keep a copy.
    assert "no-store" in client.get(_url(invited.token))["Cache-Control"]


def test_accepting_is_in_the_audit_log(client, invited):
    _accept(client, invited.token)
    entry = AuditEntry.objects.get(action=team.ACCEPT)
    assert entry.actor_name == "sam"
    assert entry.target_label == "sam@example.org"


@pytest.mark.django_db(transaction=True)
def test_two_people_racing_with_one_link_make_one_account(operator):
    invited = team.do_invite(operator, "race@example.org")
    results: list[object] = []

    def accept(name: str) -> None:
        try:
            results.append(team.do_accept(invited.token, name, NEW_PASSWORD))
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(f"racer{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    made = [r for r in results if r is not None]
    assert len(made) == 1
    assert get_user_model().objects.filter(username__startswith="racer").count() == 1
