"""The short text on why anger lingers."""

from __future__ import annotations

import re

from django.urls import reverse


def _text(html: str) -> str:
    article = re.search(r'<article class="card" id="why-text">(.*?)</article>', html, re.S)
    assert article
    return re.sub(r"<[^>]+>", " ", article.group(1))


def test_the_text_is_short_enough_to_read_in_a_hard_moment(member_client):
    words = _text(member_client.get(reverse("anger:why")).content.decode()).split()
    assert 250 <= len(words) <= 400


def test_it_says_anger_is_not_a_flaw_and_points_to_help(member_client):
    html = member_client.get(reverse("anger:why")).content.decode()
    text = _text(html)
    assert "not a flaw" in text
    assert "waves" in text
    assert "thoughts of hurting someone" in text
    assert f'href="{reverse("safety:help")}"' in html
    assert f'href="{reverse("anger:cool_down")}"' in html
    assert "<title>Tools ·" in html
