"""Risk in what is typed here is saved with the words and opens a gentle path to help."""

from __future__ import annotations

from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.trust.models import Agreement, Observation
from reclaim.vault.fields import open_row, open_rows

RISK = "I have the pills saved up and tonight I end my life."


def test_a_note_with_risk_is_saved_and_the_next_page_shows_the_panel(member_client, member, today):
    response = member_client.post(
        reverse("trust:observation_new"),
        {"trust": "1", "note": RISK, "day": f"{today}"},
        follow=True,
    )
    assert open_row(Observation.objects.get(owner=member)).note == RISK
    assert [e.source for e in open_rows(RiskEvent.objects.filter(owner=member))] == ["trust"]
    panel = html.one(response, "#safety-panel")
    assert "Your words are saved." in html.words(panel)


def test_an_agreement_with_risk_is_saved_and_the_next_page_shows_the_panel(member_client, member):
    response = member_client.post(reverse("trust:agreement_new"), {"text": RISK}, follow=True)
    assert open_row(Agreement.objects.get(owner=member)).text == RISK
    assert [e.source for e in open_rows(RiskEvent.objects.filter(owner=member))] == ["trust"]
    assert html.select(response, "#safety-panel")


def test_changing_a_note_is_listened_to_as_well(member_client, member, observation, today):
    response = member_client.post(
        reverse("trust:observation_edit", args=[observation.pk]),
        {"trust": "2", "note": RISK, "day": f"{today}"},
        follow=True,
    )
    assert open_row(Observation.objects.get(pk=observation.pk)).note == RISK
    assert RiskEvent.objects.filter(owner=member).count() == 1
    assert html.select(response, "#safety-panel")
