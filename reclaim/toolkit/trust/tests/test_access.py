"""Another member meets a 404 on every object URL of the trust tool, and nothing changes."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.trust.models import Agreement, Observation
from reclaim.vault.fields import open_row


def test_another_member_can_neither_see_nor_change_an_agreement_or_a_note(
    other_client, member, agreement, observation
):
    urls = [
        reverse("trust:agreement", args=[agreement.pk]),
        reverse("trust:agreement_edit", args=[agreement.pk]),
        reverse("trust:agreement_retire", args=[agreement.pk]),
        reverse("trust:agreement_delete", args=[agreement.pk]),
        reverse("trust:observation_edit", args=[observation.pk]),
        reverse("trust:observation_delete", args=[observation.pk]),
    ]
    assert_hidden_from(
        other_client,
        urls,
        {"text": "changed", "note": "changed", "trust": "1", "retire": "yes", "day": "2026-01-01"},
    )
    mine = open_row(Agreement.objects.get(pk=agreement.pk))
    assert (mine.text, mine.retired_on) == ("No contact with the other person.", None)
    note = open_row(Observation.objects.get(pk=observation.pk))
    assert (note.note, note.trust, note.outcome) == ("Told me before I had to ask.", 6, "kept")


def test_another_member_cannot_note_against_an_agreement_or_see_anything_on_their_page(
    other_client, other_member, agreement, observation
):
    page = other_client.get(reverse("trust:index"))
    assert (
        agreement.text not in page.content.decode()
        and observation.note not in page.content.decode()
    )
    form = other_client.get(
        reverse("trust:observation_new"), {"agreement": agreement.pk}
    ).content.decode()
    assert str(agreement.pk) not in form
    other_client.post(
        reverse("trust:observation_new"),
        {"agreement": agreement.pk, "outcome": "broken", "day": "2026-01-01"},
    )
    assert not Observation.objects.filter(agreement=agreement, owner=other_member).exists()
    assert Observation.objects.filter(agreement=agreement).count() == 1


def test_a_stranger_is_asked_to_sign_in(client, agreement):
    for url in (reverse("trust:agreement", args=[agreement.pk]), reverse("trust:observation_new")):
        assert client.get(url).status_code == 302
