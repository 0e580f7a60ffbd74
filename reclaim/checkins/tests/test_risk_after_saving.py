"""Risk language in a check-in note is kept with the note and opens a gentle path to help."""

from django.urls import reverse

from reclaim.checkins.models import CheckIn
from reclaim.safety.models import RiskEvent
from reclaim.vault.fields import open_rows

SCALES = {"mood": 2, "anger": 5, "anxiety": 8, "sleep": 2, "self_worth": 1}


def test_a_note_with_risk_language_is_saved_and_help_is_offered(member_client, member):
    response = member_client.post(
        reverse("checkins:new"),
        {**SCALES, "note": "i just want to go to sleep and not wake up", "new_triggers": ""},
        follow=True,
    )
    assert CheckIn.objects.filter(owner=member).count() == 1
    assert [event.source for event in open_rows(RiskEvent.objects.filter(owner=member))] == [
        "checkin"
    ]
    assert "Your words are saved." in response.content.decode()


def test_an_angry_idiom_is_not_treated_as_a_threat(member_client, member):
    member_client.post(
        reverse("checkins:new"),
        {**SCALES, "note": "I could kill him for lying to me again", "new_triggers": ""},
    )
    assert CheckIn.objects.filter(owner=member).count() == 1
    assert not RiskEvent.objects.filter(owner=member).exists()
