"""`reclaim invite-practitioner` and `reclaim make-operator`, as an operator types them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from reclaim import cli
from reclaim.practice import invitations
from reclaim.practice.models import AuditEntry, Invitation


def test_inviting_prints_a_link_that_works_once(db, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("invite_practitioner", "sam@example.org")
    link = capsys.readouterr().out.strip().splitlines()[-1]
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert Invitation.objects.get().token_digest == invitations.digest(token)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert Client().get("/" + path).status_code == 200


def test_the_days_can_be_chosen(db, capsys):
    call_command("invite_practitioner", "sam@example.org", "--days=2")
    invitation = Invitation.objects.get()
    assert (
        timedelta(days=1, hours=23)
        < invitation.expires - invitation.created
        <= timedelta(days=2, minutes=1)
    )


def test_the_command_line_invitation_is_audited_as_the_system(db, capsys):
    call_command("invite_practitioner", "sam@example.org")
    assert AuditEntry.objects.get().actor_name == "system"


def test_a_wrong_address_is_one_sentence(db):
    with pytest.raises(CommandError, match="not an e-mail address"):
        call_command("invite_practitioner", "sam at example")
    assert not Invitation.objects.exists()


def test_make_operator_gives_the_role(member, capsys):
    call_command("make_operator", "member")
    member.refresh_from_db()
    assert member.is_operator
    assert "now the operator" in capsys.readouterr().out


def test_make_operator_for_nobody_says_so(db):
    with pytest.raises(CommandError, match="no account"):
        call_command("make_operator", "nobody")


def test_the_reclaim_command_wires_both(member, capsys):
    assert cli.main(["make-operator", "member"]) == 0
    assert cli.main(["make-operator", "nobody"]) == 1
    assert "no account" in capsys.readouterr().err
    assert cli.main(["invite-practitioner", "sam@example.org", "--days", "3"]) == 0
    assert "/invitation/" in capsys.readouterr().out
