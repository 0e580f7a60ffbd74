"""Noting how an agreement went, how much I trust, or both."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.trust.models import Observation
from reclaim.vault.fields import open_row

URL = reverse("trust:observation_new")


def test_the_form_starts_on_today_and_on_the_agreement_it_was_opened_for(
    member_client, agreement, today
):
    page = member_client.get(URL, {"agreement": agreement.pk})
    assert html.values(page, "day") == [f"{today:%Y-%m-%d}"]
    assert html.values(page, "agreement") == [str(agreement.pk)]
    options = html.select(html.one(page, 'select[name="agreement"]'), "option")
    assert ("", "None") in [(option.get("value"), html.words(option)) for option in options]
    outcomes = [
        html.one(page, f'label[for="{box["id"]}"]') for box in html.select(page, '[name="outcome"]')
    ]
    assert [html.words(label) for label in outcomes] == ["Kept", "Broken", "Not sure"]


def test_an_observation_of_an_agreement_is_saved_with_trust_and_a_note(
    member_client, member, agreement, today
):
    day = today - timedelta(days=2)
    response = member_client.post(
        URL,
        {
            "agreement": agreement.pk,
            "outcome": "broken",
            "trust": "3",
            "note": "Found out a day late.",
            "day": f"{day}",
        },
    )
    assert response["Location"] == reverse("trust:agreement", args=[agreement.pk])
    one = open_row(Observation.objects.get(owner=member))
    assert (one.agreement_id, one.outcome, one.trust, one.note, one.day) == (
        agreement.pk,
        "broken",
        3,
        "Found out a day late.",
        day,
    )


def test_without_agreements_the_form_keeps_only_how_much_i_trust(member_client, member, today):
    page = member_client.get(URL)
    assert "You have no active agreements" in html.words(html.main(page))
    assert html.select(page, "select") == []
    member_client.post(URL, {"agreement": "", "trust": "0", "day": f"{today}"})
    assert open_row(Observation.objects.get(owner=member)).trust == 0


def test_an_agreement_without_how_it_went_is_asked_about_and_the_note_stays(
    member_client, member, agreement, today
):
    response = member_client.post(
        URL, {"agreement": agreement.pk, "note": "Hard to say.", "day": f"{today}"}
    )
    assert "Was it kept, broken, or are you not sure?" in html.words(html.main(response))
    assert html.values(response, "note") == ["Hard to say."]
    assert html.values(response, "agreement") == [str(agreement.pk)]
    assert not Observation.objects.filter(owner=member).exists()


def test_an_outcome_without_an_agreement_is_not_kept(member_client, member, agreement, today):
    member_client.post(URL, {"agreement": "", "outcome": "kept", "trust": "5", "day": f"{today}"})
    one = open_row(Observation.objects.get(owner=member))
    assert (one.agreement_id, one.outcome, one.trust) == (None, None, 5)


def test_a_future_day_or_a_made_up_number_is_questioned_kindly(
    member_client, member, agreement, today
):
    page = member_client.post(
        URL, {"trust": "5", "note": "Tomorrow.", "day": f"{today + timedelta(days=1)}"}
    )
    assert "That date is in the future." in html.words(html.main(page))
    assert html.values(page, "note") == ["Tomorrow."]
    page = member_client.post(URL, {"trust": "11", "day": f"{today}"})
    assert "A few answers need another look." in html.words(html.main(page))
    page = member_client.post(URL, {"trust": "5", "day": "last tuesday"})
    assert "That does not look like a date." in html.words(html.main(page))
    assert not Observation.objects.filter(owner=member).exists()


def test_another_members_agreement_cannot_be_chosen(
    member_client, member, other_member, agree, today
):
    theirs = agree(other_member, "Their agreement.")
    page = member_client.post(URL, {"agreement": theirs.pk, "outcome": "kept", "day": f"{today}"})
    assert "That agreement is no longer here." in html.words(html.main(page))
    assert not Observation.objects.filter(owner=member).exists()
