"""The short text on why anger lingers."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing import html


def _text(response) -> str:
    return html.words(html.one(response, "#why-text"))


def test_the_text_is_short_enough_to_read_in_a_hard_moment(member_client):
    words = _text(member_client.get(reverse("anger:why"))).split()
    assert 250 <= len(words) <= 400


def test_it_says_anger_is_not_a_flaw_and_points_to_help(member_client):
    page = member_client.get(reverse("anger:why"))
    text = _text(page)
    assert "not a flaw" in text
    assert "waves" in text
    assert "thoughts of hurting someone" in text
    assert reverse("safety:help") in html.hrefs(html.main(page))
    assert reverse("anger:cool_down") in html.hrefs(html.main(page))
    assert html.title(page).startswith("Tools ·")
