"""Risk said in the anger log is kept with the moment and opens a gentle path to help."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.anger.models import Entry
from reclaim.vault.fields import open_rows

RISK = "I have the pills saved up and tonight I end my life."


@pytest.mark.parametrize("field", ["trigger", "urge", "action"])
def test_risk_words_save_the_moment_and_the_next_page_shows_the_panel(member_client, member, field):
    response = member_client.post(
        reverse("anger:new"), {"intensity": "9", field: RISK}, follow=True
    )
    assert Entry.objects.filter(owner=member).count() == 1
    assert [event.source for event in open_rows(RiskEvent.objects.filter(owner=member))] == [
        "anger"
    ]
    panel = html.one(response, "#safety-panel")
    assert "Your words are saved." in html.words(panel)


def test_risk_words_added_in_a_change_are_heard_too(member_client, member, moment):
    member_client.post(reverse("anger:edit", args=[moment.pk]), {"intensity": "9", "action": RISK})
    assert [e.source for e in open_rows(RiskEvent.objects.filter(owner=member))] == ["anger"]


def test_an_angry_everyday_line_saves_quietly(member_client, member):
    response = member_client.post(
        reverse("anger:new"),
        {"intensity": "8", "urge": "I could have killed them for being late again."},
        follow=True,
    )
    assert Entry.objects.filter(owner=member).count() == 1
    assert not html.select(response, "#safety-panel")
