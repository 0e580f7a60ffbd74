"""Changing an observation."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.trust.models import Observation
from reclaim.vault.fields import open_row


def test_the_form_opens_with_what_was_noted_and_saves_a_change(
    member_client, member, observation, agreement, today
):
    url = reverse("trust:observation_edit", args=[observation.pk])
    page = member_client.get(url)
    assert "Change this note" in html.words(html.main(page))
    assert html.values(page, "note") == ["Told me before I had to ask."]
    assert html.values(page, "outcome") == ["kept"]
    assert html.values(page, "trust") == ["6"]
    response = member_client.post(
        url,
        {
            "agreement": agreement.pk,
            "outcome": "unsure",
            "trust": "",
            "note": "Thinking about it again, I am not sure.",
            "day": f"{today}",
        },
    )
    assert response["Location"] == reverse("trust:index")
    one = open_row(Observation.objects.get(pk=observation.pk))
    assert (one.outcome, one.trust, one.note) == (
        "unsure",
        None,
        "Thinking about it again, I am not sure.",
    )


def test_a_note_about_a_retired_agreement_can_still_be_changed(
    member_client, observation, agreement, today
):
    member_client.post(reverse("trust:agreement_retire", args=[agreement.pk]), {"retire": "yes"})
    url = reverse("trust:observation_edit", args=[observation.pk])
    assert html.values(member_client.get(url), "agreement") == [str(agreement.pk)]
    member_client.post(
        url, {"agreement": agreement.pk, "outcome": "kept", "trust": "7", "day": f"{today}"}
    )
    assert open_row(Observation.objects.get(pk=observation.pk)).trust == 7


def test_bad_input_keeps_the_words_and_the_saved_note(member_client, observation, today):
    url = reverse("trust:observation_edit", args=[observation.pk])
    page = member_client.post(
        url, {"agreement": "", "trust": "", "note": "Changed my mind.", "day": f"{today}"}
    )
    text = html.words(html.main(page))
    assert "Choose how much you trust right now" in text
    assert "Changed my mind." in text
    assert (
        open_row(Observation.objects.get(pk=observation.pk)).note == "Told me before I had to ask."
    )
