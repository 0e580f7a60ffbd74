"""Risk said in the options tool is kept with the view and opens a gentle path to help."""

from __future__ import annotations

from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.options.models import Snapshot
from reclaim.vault.fields import open_rows

from .conftest import posted

RISK = "I have the pills saved up and tonight I end my life."


def test_risk_words_save_the_view_and_the_next_page_shows_the_panel(member_client, member):
    response = member_client.post(reverse("options:new"), posted(separate_step=RISK), follow=True)
    assert Snapshot.objects.filter(owner=member).count() == 1
    assert [event.source for event in open_rows(RiskEvent.objects.filter(owner=member))] == [
        "options"
    ]
    panel = html.one(response, "#safety-panel")
    assert "Your words are saved." in html.words(panel)


def test_an_ordinary_view_saves_quietly(member_client, member):
    response = member_client.post(
        reverse("options:new"), posted(work_cons="I am tired of trying so hard."), follow=True
    )
    assert Snapshot.objects.filter(owner=member).count() == 1
    assert not RiskEvent.objects.filter(owner=member).exists()
    assert not html.select(response, "#safety-panel")
