"""The operator's invitations page: invite, see where each stands, withdraw."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reclaim.practice import invitations
from reclaim.practice.actions import team
from reclaim.practice.models import Invitation
from reclaim.testing import html

URL = reverse("operator:invitations")


def _invite(client: Client, email: str = "sam@example.org", days: int = 7):
    return client.post(URL, {"email": email, "days": days})


@pytest.mark.parametrize("who", ["member_client", "other_client", "practitioner_client"])
def test_it_is_not_found_for_anyone_but_the_operator(db, request, who):
    client = request.getfixturevalue(who)
    assert client.get(URL).status_code == 404
    assert _invite(client).status_code == 404
    assert not Invitation.objects.exists()


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_operator_without_two_factor_is_sent_to_set_it_up(operator, operator_client):
    operator.authenticator_set.all().delete()
    response = operator_client.get(URL)
    assert response["Location"] == reverse("mfa_activate_totp")


def test_it_shows_the_new_link_once_and_sends_it_by_mail(
    operator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(operator_client)
    assert response.status_code == 200
    link = html.one(response, "[data-invitation-link]").get_text(strip=True)
    assert "/invitation/" in link
    token = link.rstrip("/").rsplit("/", 1)[1]
    # Only the digest is stored, never the token itself.
    stored = Invitation.objects.get()
    assert stored.token_digest == invitations.digest(token)
    assert token not in stored.token_digest
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
    assert token in mail.outbox[0].body
    # Shown once: the list does not show it again.
    again = operator_client.get(URL)
    assert token not in again.content.decode()


def test_the_mail_says_nothing_about_anyones_situation(
    operator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(operator_client)
    message = mail.outbox[0]
    text = (message.subject + " " + message.body).lower()
    for word in ("betray", "affair", "trauma", "partner", "therap", "reclaim"):
        assert word not in text


def test_a_mail_server_failure_still_shows_the_link(
    operator_client, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "reclaim.practice.tests.test_team_invitations.BrokenMail"
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(operator_client)
    assert response.status_code == 200
    assert html.select(response, "[data-invitation-link]")


class BrokenMail(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise OSError("the mail server is away")


def test_it_lists_each_invitation_and_where_it_stands(operator, operator_client, client):
    waiting = team.do_invite(operator, "waiting@example.org")
    ran_out = team.do_invite(operator, "late@example.org")
    Invitation.objects.filter(pk=ran_out.invitation.pk).update(
        expires=timezone.now() - timedelta(hours=1)
    )
    used = team.do_invite(operator, "joined@example.org")
    team.do_accept(used.token, "joined", "a slow boat on a wide river")
    rows = html.rows(html.main(operator_client.get(URL)))
    by_email = {row[0]: row[3] for row in rows[1:]}
    assert by_email["waiting@example.org"].startswith("Waiting")
    assert by_email["late@example.org"] == "Ran out, unused"
    assert (
        by_email["joined@example.org"].startswith("Used")
        and "joined" in by_email["joined@example.org"]
    )
    assert waiting.token not in operator_client.get(URL).content.decode()


def test_the_days_it_stays_open_can_be_chosen(operator_client):
    _invite(operator_client, days=2)
    invitation = Invitation.objects.get()
    assert invitation.expires - invitation.created < timedelta(days=2, minutes=1)
    assert invitation.expires - invitation.created > timedelta(days=1, hours=23)


def test_the_default_comes_from_the_setting(operator_client, settings):
    settings.RECLAIM_INVITE_DAYS = 3
    assert html.values(operator_client.get(URL), "days") == ["3"]


def test_a_bad_address_gets_a_kind_message_and_keeps_what_was_typed(operator_client):
    response = _invite(operator_client, email="sam at example")
    assert response.status_code == 400
    assert "doesn't look like an e-mail address" in html.words(html.main(response))
    assert html.values(response, "email") == ["sam at example"]
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_too_many_days_are_refused_kindly(operator_client):
    response = _invite(operator_client, days=365)
    assert response.status_code == 400
    assert "At most 30 days" in html.words(html.main(response))


def test_withdrawing_ends_the_link(operator, operator_client, client):
    made = team.do_invite(operator, "sam@example.org")
    response = operator_client.post(
        reverse("operator:revoke", args=[made.invitation.pk]), follow=True
    )
    assert "no longer works" in html.words(html.main(response))
    assert "sam@example.org" not in html.words(html.main(response))
    opened = client.get(reverse("invitation:accept", args=[made.token]))
    assert opened.status_code == 404


def test_a_used_invitation_cannot_be_withdrawn(operator, operator_client):
    made = team.do_invite(operator, "sam@example.org")
    team.do_accept(made.token, "sam", "a slow boat on a wide river")
    operator_client.post(reverse("operator:revoke", args=[made.invitation.pk]))
    assert Invitation.objects.filter(pk=made.invitation.pk).exists()


@pytest.mark.parametrize("who", ["member_client", "other_client", "practitioner_client"])
def test_nobody_else_can_withdraw_one(request, operator, who):
    made = team.do_invite(operator, "sam@example.org")
    client = request.getfixturevalue(who)
    assert client.post(reverse("operator:revoke", args=[made.invitation.pk])).status_code == 404
    assert Invitation.objects.filter(pk=made.invitation.pk).exists()
