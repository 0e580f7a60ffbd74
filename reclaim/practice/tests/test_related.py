"""Related articles: the same topic first, then the nearest by words; worked out once per change."""

from __future__ import annotations

import pytest

from reclaim.practice import related
from reclaim.practice.tests.makers import make_article, make_profile, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(practitioner):
    return make_profile(practitioner)


def _titles(articles):
    return [article.title for article in articles]


def test_it_puts_articles_on_the_same_topic_first(profile):
    anger = make_topic("Anger")
    start = make_article(profile, "Anger after an affair", "anger rage betrayal", topics=(anger,))
    make_article(profile, "Anger at night", "sleep rest quiet", topics=(anger,))
    make_article(profile, "More on rage", "anger rage betrayal fury")

    assert _titles(related.related_articles(start)) == ["Anger at night", "More on rage"]


def test_it_orders_the_rest_by_how_near_their_words_are(profile):
    start = make_article(profile, "Rebuilding trust", "trust honesty promises repair time")
    make_article(profile, "Sleep", "sleep rest night dreams")
    make_article(profile, "Trust again", "trust honesty promises")
    make_article(profile, "Small promises", "promises kept slowly")

    assert _titles(related.related_articles(start)) == ["Trust again", "Small promises", "Sleep"]


def test_it_never_suggests_drafts_or_scheduled_articles(profile):
    start = make_article(profile, "Trust", "trust")
    make_article(profile, "Trust draft", "trust", published=False)
    make_article(profile, "Trust tomorrow", "trust", days_ago=-1)

    assert related.related_articles(start) == []


def test_it_works_the_table_out_once_until_an_article_changes(profile, monkeypatch):
    start = make_article(profile, "Trust", "trust")
    make_article(profile, "Trust again", "trust")
    built = []
    original = related.neighbours
    monkeypatch.setattr(related, "neighbours", lambda: built.append(1) or original())

    related.related_articles(start)
    related.related_articles(start)
    make_article(profile, "Trust, a third time", "trust")
    assert _titles(related.related_articles(start)) == ["Trust again", "Trust, a third time"]

    assert len(built) == 2
