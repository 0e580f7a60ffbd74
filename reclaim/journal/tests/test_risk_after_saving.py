"""Risk language in an entry is kept with the entry and opens a gentle path to help."""

from django.urls import reverse

from reclaim.journal.models import Entry
from reclaim.safety.models import RiskEvent
from reclaim.vault.fields import open_rows


def test_an_entry_with_risk_language_is_saved_and_the_next_page_offers_help(member_client, member):
    response = member_client.post(
        reverse("journal:new"),
        {
            "title": "3am",
            "body": "Honestly everyone would be better off if I was gone.",
            "tags": "",
        },
        follow=True,
    )
    assert Entry.objects.filter(owner=member).count() == 1
    assert [event.source for event in open_rows(RiskEvent.objects.filter(owner=member))] == [
        "journal"
    ]
    page = response.content.decode()
    assert "Your words are saved." in page
    assert "116 123" in page  # the member lives in GB: Samaritans


def test_an_everyday_idiom_saves_quietly(member_client, member):
    response = member_client.post(
        reverse("journal:new"),
        {
            "title": "Work",
            "body": "I am dead tired and dying to know how the meeting went.",
            "tags": "",
        },
        follow=True,
    )
    assert Entry.objects.filter(owner=member).count() == 1
    assert not RiskEvent.objects.filter(owner=member).exists()
    assert "Your words are saved." not in response.content.decode()
