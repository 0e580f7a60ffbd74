"""Adding an agreement."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.trust.models import Agreement
from reclaim.vault.fields import open_row

URL = reverse("trust:agreement_new")


def test_an_agreement_is_saved_in_the_members_words_with_since_when(member_client, member):
    page = member_client.get(URL)
    assert page.status_code == 200
    assert "What we agreed" in page.content.decode()
    response = member_client.post(
        URL, {"text": "You tell me the same day if they get in touch.", "since": "2026-02-01"}
    )
    agreement = open_row(Agreement.objects.get(owner=member))
    assert response["Location"] == reverse("trust:agreement", args=[agreement.pk])
    assert agreement.text == "You tell me the same day if they get in touch."
    assert agreement.since_date == date(2026, 2, 1)
    assert agreement.active
    page = member_client.get(response["Location"])
    text = html.words(html.main(page))
    assert "Saved." in text and "Since 1 February 2026" in text and "Active." in text


def test_since_when_can_be_left_out(member_client, member):
    member_client.post(URL, {"text": "Counselling every week.", "since": ""})
    assert open_row(Agreement.objects.get(owner=member)).since_date is None


def test_an_empty_agreement_gets_a_kind_message_and_the_date_stays(member_client, member):
    response = member_client.post(URL, {"text": "   ", "since": "2026-02-01"})
    assert response.status_code == 200
    assert "An agreement needs a few words: what did you agree?" in html.words(html.main(response))
    assert html.values(response, "since") == ["2026-02-01"]
    assert html.one(response, '[name="text"]')["aria-invalid"] == "true"
    assert not Agreement.objects.filter(owner=member).exists()


def test_a_date_in_the_future_is_questioned_and_the_words_stay(member_client, member, today):
    later = today + timedelta(days=3)
    response = member_client.post(URL, {"text": "No more late talks.", "since": f"{later}"})
    page = response
    text = html.words(html.main(page))
    assert "That date is in the future. Could you check it? Your words are still here." in text
    assert "No more late talks." in text
    assert not Agreement.objects.filter(owner=member).exists()


def test_words_longer_than_the_box_are_kept_with_a_kind_message(member_client, member):
    long = "We agreed " + "and " * 1300
    page = member_client.post(URL, {"text": long})
    text = html.words(html.main(page))
    assert "Could you shorten it? Your words are still here." in text
    assert "We agreed and and" in text
    assert not Agreement.objects.filter(owner=member).exists()
