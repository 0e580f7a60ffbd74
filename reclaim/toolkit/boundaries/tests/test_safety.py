from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.boundaries.models import Boundary, Occasion
from reclaim.vault.fields import open_row, open_rows

from .conftest import PARTS

RISK = "I have the pills saved up and tonight I end my life."


def _panel_shown(response) -> bool:
    panels = html.select(response, "#safety-panel")
    return len(panels) == 1 and "Your words are saved." in html.words(panels[0])


def test_risk_in_a_boundary_saves_it_and_shows_the_calm_panel(member_client, member):
    response = member_client.post(
        reverse("boundaries:new"), {**PARTS, "need": RISK, "go": "save"}, follow=True
    )
    assert open_row(Boundary.objects.get(owner=member)).need == RISK
    assert [e.source for e in open_rows(RiskEvent.objects.filter(owner=member))] == ["boundaries"]
    assert _panel_shown(response)


def test_risk_in_a_note_saves_it_and_shows_the_calm_panel(member_client, member, boundary):
    response = member_client.post(
        reverse("boundaries:log_new", args=[boundary.pk]),
        {"day": "2026-01-02", "what": RISK, "outcome": "not", "did": ""},
        follow=True,
    )
    assert open_row(Occasion.objects.get(owner=member)).what == RISK
    assert [e.source for e in open_rows(RiskEvent.objects.filter(owner=member))] == ["boundaries"]
    assert _panel_shown(response)
