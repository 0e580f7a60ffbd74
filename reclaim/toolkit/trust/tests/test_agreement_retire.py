"""Retiring an agreement keeps it and its notes out of the way, and it can come back."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing import html


def test_retiring_keeps_the_notes_and_takes_it_off_the_observation_form(
    member_client, agreement, observation, today
):
    url = reverse("trust:agreement_retire", args=[agreement.pk])
    response = member_client.post(url, {"retire": "yes"}, follow=True)
    agreement.refresh_from_db()
    assert agreement.retired_on == today
    page = response
    text = html.words(html.main(page))
    assert "Retired. It keeps its notes, and you can bring it back." in text
    assert "Make it active again" in text
    assert "Told me before I had to ask." in text
    form = member_client.get(reverse("trust:observation_new")).content.decode()
    assert str(agreement.pk) not in form


def test_a_retired_agreement_can_be_made_active_again(member_client, agreement):
    url = reverse("trust:agreement_retire", args=[agreement.pk])
    member_client.post(url, {"retire": "yes"})
    response = member_client.post(url, {"retire": "no"}, follow=True)
    agreement.refresh_from_db()
    assert agreement.active
    assert "It is active again." in response.content.decode()


def test_retiring_takes_a_post_only(member_client, agreement):
    url = reverse("trust:agreement_retire", args=[agreement.pk])
    assert member_client.get(url).status_code == 405
    agreement.refresh_from_db()
    assert agreement.active
