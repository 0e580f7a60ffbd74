"""Deleting one note from the record of hard moments: asked first, then gone at once."""

from __future__ import annotations

from django.urls import reverse

from reclaim.safety import actions
from reclaim.safety.models import RiskEvent
from reclaim.testing.access import assert_hidden_from


def _event(user) -> RiskEvent:
    return actions.do_record_risk(
        user, source="journal", level="elevated", categories={"suicide"}, reasons=()
    )


def _url(event) -> str:
    return reverse("safety:record_delete", args=[event.pk])


def test_the_record_links_each_note_to_its_confirmation(member_client, member):
    event = _event(member)
    assert _url(event).encode() in member_client.get(reverse("safety:record")).content


def test_the_confirmation_says_when_and_where_and_deletes_nothing(member_client, member):
    event = _event(member)
    response = member_client.get(_url(event))
    assert b"Delete this note?" in response.content
    assert b"Journal" in response.content
    assert b"cannot be undone" in response.content
    assert RiskEvent.objects.filter(pk=event.pk).exists()


def test_the_owner_deletes_it_and_the_page_says_so(member_client, member):
    event = _event(member)
    kept = _event(member)
    response = member_client.post(_url(event), follow=True)
    assert not RiskEvent.objects.filter(pk=event.pk).exists()
    assert RiskEvent.objects.filter(pk=kept.pk).exists()
    assert b"That note is deleted." in response.content


def test_another_member_meets_a_404_and_nothing_is_deleted(other_client, member):
    event = _event(member)
    assert_hidden_from(other_client, [_url(event)], {})
    assert RiskEvent.objects.filter(pk=event.pk).exists()


def test_a_practitioner_gets_404_and_nothing_is_deleted(practitioner_client, member):
    event = _event(member)
    assert practitioner_client.get(_url(event)).status_code == 404
    assert practitioner_client.post(_url(event)).status_code == 404
    assert RiskEvent.objects.filter(pk=event.pk).exists()
