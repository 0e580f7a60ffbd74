"""A practitioner suggests a questionnaire, a lesson or a tool; the member may take it up or not."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from conftest import _make_user, _with_totp
from reclaim.practice.models import AuditEntry
from reclaim.sharing.actions import do_suggest
from reclaim.sharing.models import Suggestion
from reclaim.sharing.suggestions import catalogue
from reclaim.testing.html import words

from .makers import connect


@pytest.fixture
def connected(member, practitioner):
    return connect(member, practitioner)


def _suggest(client: Client, connection, value: str):
    return client.post(reverse("practice:client_suggest", args=[connection.pk]), {"thing": value})


def test_the_catalogue_offers_questionnaires_lessons_and_tools_that_open():
    things = catalogue()
    assert {thing.kind for thing in things} == {"questionnaire", "lesson", "tool"}
    for thing in things:
        assert thing.url.startswith("/")


def test_a_suggestion_reaches_the_member_who_takes_it_up_and_lands_on_it(
    connected, practitioner_client, member_client
):
    response = _suggest(practitioner_client, connected, "tool:calm")
    assert response.status_code == 302
    page = words(member_client.get(reverse("sharing:index")))
    assert "Suggested for you" in page
    assert "Calm racing thoughts" in page
    made = Suggestion.objects.get()
    opened = member_client.post(
        reverse("sharing:answer_suggestion", args=[made.pk]), {"answer": "opened"}
    )
    assert opened.status_code == 302
    assert opened["Location"] == reverse("calm:index")
    assert "Suggested for you" not in words(member_client.get(reverse("sharing:index")))
    assert "taken up" in words(
        practitioner_client.get(reverse("practice:client", args=[connected.pk]))
    )


def test_the_member_can_set_a_suggestion_aside_without_a_reason(
    connected, practitioner_client, member_client
):
    _suggest(practitioner_client, connected, "questionnaire:phq9")
    made = Suggestion.objects.get()
    response = member_client.post(
        reverse("sharing:answer_suggestion", args=[made.pk]), {"answer": "declined"}, follow=True
    )
    assert "Set aside." in words(response)
    assert "Suggested for you" not in words(response)
    assert "set aside" in words(
        practitioner_client.get(reverse("practice:client", args=[connected.pk]))
    )


def test_suggesting_the_same_thing_twice_makes_one_open_suggestion(connected, practitioner):
    first = do_suggest(practitioner, connected, "tool", "calm")
    assert do_suggest(practitioner, connected, "tool", "calm").pk == first.pk
    assert Suggestion.objects.count() == 1
    assert AuditEntry.objects.filter(action="client_suggestion.create").count() == 1


def test_anything_not_in_the_catalogue_is_refused_kindly(connected, practitioner_client):
    response = _suggest(practitioner_client, connected, "tool:not-a-tool")
    assert response.status_code == 200
    assert "not on the list" in words(response)
    assert not Suggestion.objects.exists()
    with pytest.raises(ValueError):
        do_suggest(connected.practitioner, connected, "lesson", "../../etc")


def test_another_member_cannot_answer_and_sees_nothing(
    connected, practitioner, member_client, other_client
):
    made = do_suggest(practitioner, connected, "tool", "calm")
    url = reverse("sharing:answer_suggestion", args=[made.pk])
    assert other_client.post(url, {"answer": "declined"}).status_code == 404
    assert "Calm racing thoughts" not in words(other_client.get(reverse("sharing:index")))
    made.refresh_from_db()
    assert made.closed is None
    assert (
        member_client.post(
            reverse("sharing:answer_suggestion", args=[uuid.uuid4()]), {"answer": "opened"}
        ).status_code
        == 404
    )


def test_another_practitioner_cannot_suggest_to_someone_elses_client(connected, django_user_model):
    stranger = _with_totp(
        _make_user(django_user_model, "stranger", role="practitioner", onboarded=None)
    )
    other = Client()
    other.force_login(stranger)
    assert _suggest(other, connected, "tool:calm").status_code == 404
    assert not Suggestion.objects.exists()


def test_after_disconnecting_open_suggestions_disappear_and_cannot_be_answered(
    connected, practitioner, member_client
):
    made = do_suggest(practitioner, connected, "tool", "calm")
    member_client.post(reverse("sharing:disconnect", args=[connected.pk]))
    assert "Suggested for you" not in words(member_client.get(reverse("sharing:index")))
    url = reverse("sharing:answer_suggestion", args=[made.pk])
    assert member_client.post(url, {"answer": "opened"}).status_code == 404
