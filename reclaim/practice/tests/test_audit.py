"""Every practitioner's and operator's write leaves one line in the audit log, and no member's words.

WRITES lists each write action with the audit name it must record. Other
parts of the practice add theirs here (an article's publish, a profile's
save): each entry is a function that makes the write happen, given the
fixed people, and the action name expected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from reclaim.journal.actions import do_create_entry
from reclaim.practice.actions import articles, profiles, team
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


def _fresh_article(people: dict[str, Any]) -> Any:
    """A draft written before the write under test, its own audit lines cleared away."""
    article = articles.do_save_article(
        people["practitioner"],
        None,
        title="The first weeks",
        slug="",
        summary="Sleep, food, one kind person.",
        body="Rest when you can.",
        categories=[],
    )
    AuditEntry.objects.all().delete()
    return article


def _fresh_topic(people: dict[str, Any]) -> Any:
    topic = articles.do_save_category(
        people["practitioner"], None, name="Trust", slug="", description=""
    )
    AuditEntry.objects.all().delete()
    return topic


def _write_article(people: dict[str, Any]) -> object:
    # The profile an article needs is made first, so only the article's line is new.
    profiles.profile_of(people["practitioner"])
    AuditEntry.objects.all().delete()
    return articles.do_save_article(
        people["practitioner"],
        None,
        title="The first weeks",
        slug="",
        summary="",
        body="Rest when you can.",
        categories=[],
    )


def _change_article(people: dict[str, Any]) -> object:
    article = _fresh_article(people)
    return articles.do_save_article(
        people["practitioner"],
        article,
        title="The first weeks, gently",
        slug=article.slug,
        summary=article.summary,
        body=article.body,
        categories=[],
    )


def _publish(people: dict[str, Any]) -> object:
    return articles.do_publish_article(people["practitioner"], _fresh_article(people))


def _schedule(people: dict[str, Any]) -> object:
    later = timezone.now() + timedelta(days=2)
    return articles.do_publish_article(people["practitioner"], _fresh_article(people), later)


def _unpublish(people: dict[str, Any]) -> object:
    article = articles.do_publish_article(people["practitioner"], _fresh_article(people))
    AuditEntry.objects.all().delete()
    return articles.do_unpublish_article(people["practitioner"], article)


def _delete_article(people: dict[str, Any]) -> object:
    articles.do_delete_article(people["practitioner"], _fresh_article(people))
    return None


def _add_topic(people: dict[str, Any]) -> object:
    return articles.do_save_category(
        people["practitioner"], None, name="Trust", slug="", description=""
    )


def _rename_topic(people: dict[str, Any]) -> object:
    topic = _fresh_topic(people)
    return articles.do_save_category(
        people["practitioner"], topic, name="Trust, slowly", slug="", description=""
    )


def _delete_topic(people: dict[str, Any]) -> object:
    articles.do_delete_category(people["practitioner"], _fresh_topic(people))
    return None


def _save_profile(people: dict[str, Any]) -> object:
    profiles.profile_of(people["practitioner"])
    AuditEntry.objects.all().delete()
    return profiles.do_save_profile(
        people["practitioner"],
        name="Sam Rivera",
        slug="",
        credentials="Counsellor",
        approach="We go at your pace.",
        areas="Trust\nAnger",
        listed=True,
    )


def _first_profile(people: dict[str, Any]) -> object:
    return profiles.profile_of(people["practitioner"])


WRITES: list[tuple[Write, str]] = [
    (_invite, team.INVITE),
    (_revoke, team.REVOKE),
    (_accept, team.ACCEPT),
    (_make_operator, team.MAKE_OPERATOR),
    (_write_article, articles.ARTICLE_CREATE),
    (_change_article, articles.ARTICLE_CHANGE),
    (_publish, articles.ARTICLE_PUBLISH),
    (_schedule, articles.ARTICLE_SCHEDULE),
    (_unpublish, articles.ARTICLE_UNPUBLISH),
    (_delete_article, articles.ARTICLE_DELETE),
    (_add_topic, articles.CATEGORY_CREATE),
    (_rename_topic, articles.CATEGORY_CHANGE),
    (_delete_topic, articles.CATEGORY_DELETE),
    (_first_profile, profiles.PROFILE_CREATE),
    (_save_profile, profiles.PROFILE_CHANGE),
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
    # One line, and only the one: a write that also logged something else would show here.
    lines = list(AuditEntry.objects.all())
    assert [line.action for line in lines] == [action]
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
