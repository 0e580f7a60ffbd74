from urllib.parse import urlparse

import pytest
from django.urls import reverse

from reclaim.checkins.suggestions import SUGGESTIONS
from reclaim.journal.prompts import get_prompt
from reclaim.testing import html

from .helpers import posted


def url(checkin):
    return reverse("checkins:saved", args=[checkin.pk])


def suggestion_card(response):
    """The part of the saved page under its one second-level heading: the next step offered."""
    return html.one(html.main(response), "h2").parent


def test_it_sends_anonymous_visitors_to_sign_in(client, checkin):
    response = client.get(url(checkin))
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")


def test_it_does_not_show_another_members_checkin(other_client, checkin):
    assert other_client.get(url(checkin)).status_code == 404


def test_it_thanks_the_member_calmly(member_client, checkin):
    response = member_client.get(url(checkin))
    assert response.status_code == 200
    assert html.words(html.one(response, "h1")) == "Thank you for checking in."
    assert reverse("progress:today") in html.hrefs(html.main(response))


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


@pytest.mark.parametrize(
    "scales, url_name, reason",
    [
        ({"anxiety": "9"}, "calm:grounding", "Racing thoughts are the body staying on alert"),
        ({"anger": "9"}, "anger:cool_down", "A few minutes of cooling down"),
        ({"self_worth": "1"}, "worth:index", "evidence you have gathered"),
        ({"sleep": "1"}, "calm:breathe", "slow breathing"),
        ({"mood": "1"}, "compassion:break", "kindness break"),
    ],
)
def test_a_hard_day_points_to_the_fitting_tool_with_its_reason(
    member_client, scales, url_name, reason
):
    response = member_client.post(reverse("checkins:new"), posted(**scales), follow=True)
    suggestion = suggestion_card(response)
    assert reason in html.words(suggestion)
    # The first thing offered under the reason is the tool itself.
    assert html.hrefs(suggestion)[0] == reverse(url_name)


def test_a_steady_day_leads_to_the_month(member_client):
    response = member_client.post(reverse("checkins:new"), posted(), follow=True)
    assert html.links(suggestion_card(response))[0] == ("See your month", reverse("progress:today"))


def test_low_worth_also_offers_a_prompt_about_worth_for_writing(member_client):
    response = member_client.post(reverse("checkins:new"), posted(self_worth="1"), follow=True)
    suggestion = suggestion_card(response)
    assert "not a measure of your worth" in html.words(suggestion)
    prompt_links = [href for words, href in html.links(suggestion) if "Was I not enough?" in words]
    assert prompt_links == [f"{reverse('journal:new')}?prompt=worth-04"]


def test_every_suggestion_opens_a_real_page_and_a_real_prompt():
    assert SUGGESTIONS
    for suggestion in SUGGESTIONS.values():
        assert reverse(suggestion.url_name)
    with_prompts = [s for s in SUGGESTIONS.values() if s.prompt_code]
    assert with_prompts, "no suggestion opens a journal prompt"
    for suggestion in with_prompts:
        assert get_prompt(suggestion.prompt_code) is not None, suggestion.key


def test_low_worth_invites_one_line_of_evidence_that_brings_the_member_back(member_client, member):
    saved = member_client.post(reverse("checkins:new"), posted(self_worth="1"), follow=True)
    assert "One piece of evidence that you are enough" in html.words(suggestion_card(saved))
    back = saved.request["PATH_INFO"]
    added = member_client.post(
        reverse("worth:evidence_new"), {"text": "I got the children to school.", "next": back}
    )
    assert added["Location"] == back
    assert "I got the children to school." in html.words(
        html.main(member_client.get(reverse("worth:index")))
    )


def test_a_steady_check_in_does_not_ask_for_evidence(member_client):
    saved = member_client.post(reverse("checkins:new"), posted(), follow=True)
    assert "One piece of evidence that you are enough" not in html.words(saved)
