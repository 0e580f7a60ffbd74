"""Every practitioner's and operator's write leaves one line in the audit log, and no member's words.

WRITES lists each write action with the audit name it must record. Other
parts of the practice add theirs here (an article's publish, a profile's
save): each entry is a function that makes the write happen, given the
fixed people, and the action name expected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from reclaim.journal.actions import do_create_entry
from reclaim.practice.actions import team
from reclaim.practice.models import AuditEntry
from reclaim.testing import html

MEMBER_WORDS = "The kettle sang at dawn and I finally wrote it down"

Write = Callable[[dict[str, Any]], object]


def _invite(people: dict[str, Any]) -> object:
    return team.do_invite(people["operator"], "sam@example.org")


def _revoke(people: dict[str, Any]) -> object:
    made = team.do_invite(people["operator"], "sam@example.org")
    AuditEntry.objects.all().delete()
    return team.do_revoke(people["operator"], made.invitation.pk)


def _accept(people: dict[str, Any]) -> object:
    made = team.do_invite(people["operator"], "sam@example.org")
    AuditEntry.objects.all().delete()
    return team.do_accept(made.token, "sam", "a slow boat on a wide river")


def _make_operator(people: dict[str, Any]) -> object:
    return team.do_make_operator(people["member"].username)


WRITES: list[tuple[Write, str]] = [
    (_invite, team.INVITE),
    (_revoke, team.REVOKE),
    (_accept, team.ACCEPT),
    (_make_operator, team.MAKE_OPERATOR),
]


@pytest.fixture
def people(member, practitioner, operator) -> dict[str, Any]:
    # The member has written something, so a line that copied it would show.
    do_create_entry(member, {"title": "Morning", "body": MEMBER_WORDS, "tags": ""})
    return {"member": member, "practitioner": practitioner, "operator": operator}


@pytest.mark.parametrize(("write", "action"), WRITES, ids=[a for _, a in WRITES])
def test_each_write_records_one_line(people, write, action):
    before = timezone.now()
    write(people)
    lines = list(AuditEntry.objects.filter(action=action))
    assert len(lines) == 1
    line = lines[0]
    assert line.at >= before
    assert line.actor_name
    assert line.target_type and line.target_id


@pytest.mark.parametrize(("write", "action"), WRITES, ids=[a for _, a in WRITES])
def test_a_line_never_holds_a_members_words(people, write, action):
    write(people)
    for line in AuditEntry.objects.all():
        values = " ".join(
            str(getattr(line, field.attname)) for field in AuditEntry._meta.concrete_fields
        )
        assert MEMBER_WORDS not in values
        assert "Robin" not in values


@pytest.mark.parametrize(("write", "action"), WRITES, ids=[a for _, a in WRITES])
def test_the_operator_reads_each_write_on_the_audit_page(people, operator_client, write, action):
    write(people)
    rows = html.rows(html.main(operator_client.get(reverse("operator:audit"))))
    assert any(action in row[2] for row in rows[1:]), rows


def test_a_failed_write_leaves_no_line(people):
    with pytest.raises(ValidationError):
        team.do_make_operator("nobody-by-this-name")
    assert not AuditEntry.objects.exists()
