from datetime import timedelta

from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.worth.models import Evidence
from reclaim.toolkit.writing import today_for
from reclaim.vault.fields import open_row

from .conftest import RISK, panel_shown

URL = reverse("worth:evidence_new")


def test_a_line_is_kept_for_today_and_shown(member_client, member):
    response = member_client.post(URL, {"text": "I asked for help."}, follow=True)
    piece = open_row(Evidence.objects.get(owner=member))
    assert piece.text == "I asked for help."
    assert piece.day == today_for(member)
    page = response.content.decode()
    assert "Added to your evidence." in page
    assert "I asked for help." in page


def test_it_can_be_dated_earlier(member_client, member):
    earlier = today_for(member) - timedelta(days=40)
    member_client.post(URL, {"text": "I left the party early.", "day": earlier.isoformat()})
    assert Evidence.objects.get(owner=member).day == earlier


def test_an_empty_line_gets_a_kind_word_and_the_date_is_kept(member_client, member):
    earlier = (today_for(member) - timedelta(days=3)).isoformat()
    response = member_client.post(URL, {"text": "  ", "day": earlier, "next": "/journal/"})
    assert response.status_code == 200
    assert "Write one line, even a small one" in html.words(html.main(response))
    assert html.values(response, "day") == [earlier]
    assert html.values(response, "next") == ["/journal/"]
    assert not Evidence.objects.filter(owner=member).exists()


def test_a_future_date_is_questioned_and_the_words_kept(member_client, member):
    later = (today_for(member) + timedelta(days=2)).isoformat()
    response = member_client.post(URL, {"text": "Tomorrow I will rest.", "day": later})
    page = response.content.decode()
    assert "That date is in the future" in page
    assert "Tomorrow I will rest." in page
    assert not Evidence.objects.filter(owner=member).exists()


def test_a_line_that_is_too_long_is_kept_on_the_page(member_client, member):
    long = "brave " * 100
    page = member_client.post(URL, {"text": long}).content.decode()
    assert "longer than this box can hold" in page
    assert long.strip() in page


def test_it_returns_to_next_only_on_this_site(member_client):
    inside = member_client.post(URL, {"text": "One", "next": "/today/"})
    assert inside["Location"] == "/today/"
    outside = member_client.post(URL, {"text": "Two", "next": "https://example.com/"})
    assert outside["Location"] == reverse("worth:index") + "#evidence"


def test_risk_in_a_line_is_saved_and_heard(member_client, member):
    response = member_client.post(URL, {"text": RISK}, follow=True)
    assert open_row(Evidence.objects.get(owner=member)).text == RISK
    assert RiskEvent.objects.filter(owner=member).count() == 1
    assert panel_shown(response)
    assert "Your words are saved." in response.content.decode()


def test_the_form_page_opens(member_client):
    page = member_client.get(URL).content.decode()
    assert "Add to your evidence" in page
