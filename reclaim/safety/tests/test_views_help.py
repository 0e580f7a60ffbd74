"""Help and staying safer: public pages, one tap from everywhere."""

import pytest
from django.urls import reverse

from reclaim.testing import html


def title(response) -> str:
    """The tab's title before the site's name."""
    return html.title(response).split(" ·")[0]


def test_help_works_signed_out(client, db):
    response = client.get(reverse("safety:help"), HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.status_code == 200
    main = html.main(response)
    assert {"tel:999", "tel:116123", reverse("safety:home_safety")} <= set(html.hrefs(main))
    assert "5, 4, 3, 2, 1" in html.words(html.one(main, "#grounding"))
    assert title(response) == "Help"


def test_help_shows_the_members_country(member_client, member):
    member.country = "US"
    member.save()
    links = html.hrefs(html.main(member_client.get(reverse("safety:help"))))
    assert {"tel:911", "tel:988", reverse("safety:record")} <= set(links)


def test_help_can_show_another_country(client, db):
    links = html.hrefs(html.main(client.get(reverse("safety:help") + "?country=NZ")))
    assert {"tel:111", "tel:1737"} <= set(links)


def test_home_safety_works_signed_out(client, db):
    response = client.get(reverse("safety:home_safety"), HTTP_ACCEPT_LANGUAGE="en-GB,en")
    assert response.status_code == 200
    assert title(response) == "Staying safer"
    main = html.main(response)
    assert {"tel:999", "tel:08082000247"} <= set(html.hrefs(main))
    for words in (
        "choke you",
        "coercive control",
        "Shift three times",
        "Discreet mode",
        "private or incognito window",
        "recovery codes",
        "Auto-lock",
    ):
        assert words in html.words(main), words


def test_home_safety_without_abuse_lines_falls_back_to_crisis_lines(client, db):
    links = html.hrefs(html.main(client.get(reverse("safety:home_safety") + "?country=IE")))
    assert {"tel:112", "tel:116123"} <= set(links)


def test_somewhere_else_gets_plain_guidance(client, db):
    response = client.get(reverse("safety:help") + "?country=ZZ")
    assert response.status_code == 200
    assert "local emergency number" in html.words(html.main(response))


@pytest.mark.parametrize("name", ["safety:help", "safety:home_safety"])
def test_public_pages_only_answer_get(client, db, name):
    assert client.post(reverse(name)).status_code == 405


@pytest.mark.parametrize(
    "name",
    ["safety:help", "safety:home_safety", "safety:plan", "safety:plan_print", "safety:record"],
)
def test_no_title_names_what_the_page_is_about(member_client, name):
    found = title(member_client.get(reverse(name))).lower()
    for word in ("suicide", "crisis", "abuse", "self-harm", "safety", "danger"):
        assert word not in found


def test_get_help_now_is_in_the_header_of_every_page(client, db):
    page = client.get(reverse("safety:home_safety"))
    assert ("Get help now", reverse("safety:help")) in html.links(html.one(page, "body > header"))
