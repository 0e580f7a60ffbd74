"""/articles/feed/ is a valid Atom feed of the live articles, with full links."""

from __future__ import annotations

import feedparser
import pytest

from reclaim.practice.tests.makers import make_article, make_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed(client, practitioner, settings):
    settings.RECLAIM_SITE_URL = "https://practice.example.org"
    profile = make_profile(practitioner, "Sam Rivera")
    make_article(profile, "The first weeks", summary="Getting through the first days.", days_ago=2)
    make_article(profile, "Your worth", summary="It was never about your worth.", days_ago=1)
    make_article(profile, "A draft", published=False)
    response = client.get("/articles/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return feedparser.parse(response.content)


def test_it_is_a_well_formed_atom_feed(feed):
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"


def test_it_lists_the_live_articles_newest_first_with_full_links(feed):
    assert [(entry.title, entry.link) for entry in feed.entries] == [
        ("Your worth", "https://practice.example.org/articles/your-worth/"),
        ("The first weeks", "https://practice.example.org/articles/the-first-weeks/"),
    ]


def test_it_gives_each_entry_its_author_summary_and_dates(feed):
    entry = feed.entries[0]

    assert entry.author == "Sam Rivera"
    assert entry.summary == "It was never about your worth."
    assert entry.updated_parsed is not None
    assert entry.published_parsed is not None
