"""The list of articles, all or by state."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reclaim.testing import html

from .area_makers import article

LIST = reverse("practice:articles")


@pytest.fixture
def three(practitioner):
    article(practitioner, "A draft")
    article(practitioner, "Soon", when=timezone.now() + timedelta(days=2))
    article(practitioner, "Out now", publish=True)


def _titles(response) -> list[str]:
    return [words for words, _ in html.links(html.one(html.main(response), ".area-list"))]


def test_it_lists_every_article_with_its_state(practitioner_client, three):
    response = practitioner_client.get(LIST)
    assert sorted(_titles(response)) == ["A draft", "Out now", "Soon"]
    words = html.words(html.main(response))
    assert "Draft, changed" in words and "Goes live" in words and "Published" in words


@pytest.mark.parametrize(
    ("status", "title"), [("draft", "A draft"), ("scheduled", "Soon"), ("published", "Out now")]
)
def test_it_shows_one_state_at_a_time(practitioner_client, three, status, title):
    response = practitioner_client.get(LIST, {"status": status})
    assert _titles(response) == [title]
    current = html.one(html.main(response), '.area-filter [aria-current="page"]')
    assert html.words(current).lower().startswith(status[:5])


def test_an_empty_state_says_so(practitioner_client):
    response = practitioner_client.get(LIST, {"status": "scheduled"})
    assert "None here right now." in html.words(html.main(response))
