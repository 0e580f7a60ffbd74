"""The quick cool-down tools."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing import html


def test_each_quick_tool_has_its_own_short_card(member_client):
    main = html.main(member_client.get(reverse("anger:cool_down")))
    headings = [html.words(h3) for h3 in html.select(main, "h3")]
    assert headings == [
        "Slow your breathing",
        "Come back to the room",
        "Cold water",
        "A brisk walk",
        "The letter you will not send",
        "Count back",
        "Leave the room",
    ]


def test_breathing_and_grounding_open_calm_and_the_letter_opens_the_journal(member_client):
    main = html.main(member_client.get(reverse("anger:cool_down")))
    assert html.hrefs(main).count(reverse("calm:index")) == 2  # breathing and grounding
    assert f"{reverse('journal:new')}?prompt=anger-04" in html.hrefs(main)
