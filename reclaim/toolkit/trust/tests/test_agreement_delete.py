"""Deleting an agreement, after saying what goes with it."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.trust.models import Agreement, Observation


def test_the_question_names_how_many_notes_go_with_it_and_offers_retiring(
    member_client, member, agreement, notice
):
    notice(member, agreement, "kept")
    notice(member, agreement, "broken")
    page = member_client.get(reverse("trust:agreement_delete", args=[agreement.pk]))
    text = html.words(html.main(page))
    assert "Delete this agreement?" in text
    assert "Its 2 notes will be deleted with it." in text
    assert "you could retire it instead" in text


def test_deleting_removes_it_and_its_notes_but_not_trust_noted_on_its_own(
    member_client, member, agreement, notice
):
    notice(member, agreement, "kept", 7)
    alone = notice(member, trust=5)
    response = member_client.post(
        reverse("trust:agreement_delete", args=[agreement.pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("trust:index")
    assert "The agreement is deleted." in response.content.decode()
    assert not Agreement.objects.filter(owner=member).exists()
    assert list(Observation.objects.filter(owner=member)) == [alone]
