from urllib.parse import urlparse

import pytest
from django.urls import reverse

from reclaim.checkins.suggestions import SUGGESTIONS
from reclaim.journal.prompts import get_prompt

from .helpers import posted


def url(checkin):
    return reverse("checkins:saved", args=[checkin.pk])


def test_it_sends_anonymous_visitors_to_sign_in(client, checkin):
    response = client.get(url(checkin))
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")


def test_it_does_not_show_another_members_checkin(other_client, checkin):
    assert other_client.get(url(checkin)).status_code == 404


def test_it_thanks_the_member_calmly(member_client, checkin):
    response = member_client.get(url(checkin))
    assert response.status_code == 200
    assert "Thank you for checking in." in response.content.decode()
    assert reverse("progress:today") in response.content.decode()


@pytest.mark.parametrize(
    "scales, expected",
    [
        ({"anxiety": 8}, "anxiety"),
        ({"anger": 9}, "anger"),
        ({"self_worth": 2}, "self_worth"),
        ({"sleep": 1}, "sleep"),
        ({"mood": 2}, "mood"),
        ({}, "steady"),
        # The heaviest scale wins, whichever way it runs.
        ({"anxiety": 7, "self_worth": 1}, "self_worth"),
        # Equally heavy: racing thoughts come first.
        ({"anxiety": 8, "anger": 8}, "anxiety"),
    ],
)
def test_the_next_step_it_suggests_fits_the_scales(member_client, member, scales, expected):
    response = member_client.post(reverse("checkins:new"), posted(**scales), follow=True)
    assert response.context["suggestion"].key == expected


def test_racing_thoughts_lead_to_writing_them_down(member_client):
    response = member_client.post(reverse("checkins:new"), posted(anxiety="9"), follow=True)
    assert "Write down what&#x27;s racing" in response.content.decode()


def test_a_steady_day_leads_to_the_month(member_client):
    response = member_client.post(reverse("checkins:new"), posted(), follow=True)
    html = response.content.decode()
    assert "See your month" in html
    assert f'href="{reverse("progress:today")}"' in html


def test_low_worth_offers_a_prompt_about_worth(member_client):
    response = member_client.post(reverse("checkins:new"), posted(self_worth="1"), follow=True)
    html = response.content.decode()
    assert "not a measure of your worth" in html
    assert "Was I not enough?" in html
    assert f'href="{reverse("journal:new")}?prompt=worth-04"' in html


def test_racing_thoughts_open_a_blank_page_in_the_journal(member_client):
    response = member_client.post(reverse("checkins:new"), posted(anxiety="9"), follow=True)
    assert f'href="{reverse("journal:new")}"' in response.content.decode()


def test_every_suggested_prompt_is_one_the_journal_has():
    for suggestion in SUGGESTIONS.values():
        if suggestion.prompt_code:
            assert get_prompt(suggestion.prompt_code) is not None, suggestion.key
