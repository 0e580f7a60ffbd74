"""Words that sound like danger are saved, heard, and answered with the calm panel."""

from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.calm.models import Grounding, Thought
from reclaim.vault.fields import open_row, open_rows

from .conftest import RISK


def assert_heard(response, member) -> None:
    assert [event.source for event in open_rows(RiskEvent.objects.filter(owner=member))] == ["calm"]
    panel = html.one(response, "#safety-panel")
    assert "Your words are saved." in html.words(panel)


def test_a_parked_thought_with_risk_is_saved_and_heard(member_client, member):
    response = member_client.post(
        reverse("calm:park"), {"thought": RISK, "when": "later"}, follow=True
    )
    assert open_row(Thought.objects.get(owner=member)).text == RISK
    assert_heard(response, member)


def test_what_i_think_now_with_risk_is_saved_and_heard(member_client, member, ready):
    response = member_client.post(
        reverse("calm:thought", args=[ready.pk]), {"now": RISK, "then": "done"}, follow=True
    )
    ready.refresh_from_db()
    open_row(ready)
    assert ready.now == RISK and ready.done is not None
    assert_heard(response, member)


def test_kept_grounding_notes_with_risk_are_saved_and_heard(member_client, member):
    response = member_client.post(
        reverse("calm:grounding"),
        {"step": 6, "go": "save", "see": "the lamp", "taste": RISK},
        follow=True,
    )
    assert open_row(Grounding.objects.get(owner=member)).notes["taste"] == RISK
    assert_heard(response, member)
