"""Changing an observation."""

from __future__ import annotations

from django.urls import reverse

from reclaim.toolkit.trust.models import Observation
from reclaim.vault.fields import open_row


def test_the_form_opens_with_what_was_noted_and_saves_a_change(
    member_client, member, observation, agreement, today
):
    url = reverse("trust:observation_edit", args=[observation.pk])
    html = member_client.get(url).content.decode()
    assert "Change this note" in html
    assert "Told me before I had to ask." in html
    assert 'value="kept" id="id_outcome_0" checked' in html
    assert 'value="6" id="id_trust_6" checked' in html
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
    assert f'<option value="{agreement.pk}" selected>' in member_client.get(url).content.decode()
    member_client.post(
        url, {"agreement": agreement.pk, "outcome": "kept", "trust": "7", "day": f"{today}"}
    )
    assert open_row(Observation.objects.get(pk=observation.pk)).trust == 7


def test_bad_input_keeps_the_words_and_the_saved_note(member_client, observation, today):
    url = reverse("trust:observation_edit", args=[observation.pk])
    html = member_client.post(
        url, {"agreement": "", "trust": "", "note": "Changed my mind.", "day": f"{today}"}
    ).content.decode()
    assert "Choose how much you trust right now" in html
    assert "Changed my mind." in html
    assert (
        open_row(Observation.objects.get(pk=observation.pk)).note == "Told me before I had to ask."
    )
