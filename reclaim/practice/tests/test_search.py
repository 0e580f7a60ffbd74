"""Search over published articles: relevant first, live only, and a visitor's syntax is only words."""

from __future__ import annotations

import pytest
from django.db import connection

from reclaim.practice import search
from reclaim.practice.tests.makers import make_article, make_profile, make_topic
from reclaim.testing import html

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's full-text search"
)


@pytest.fixture
def profile(practitioner):
    return make_profile(practitioner)


def _titles(articles):
    return [article.title for article in articles]


def _finds_the_best_match_first(profile):
    make_article(profile, "Sleep in the first weeks", "Rest when you can. Trust comes later.")
    make_article(
        profile,
        "Rebuilding trust",
        "Trust is rebuilt slowly, if you choose to.",
        summary="What rebuilding trust can look like.",
    )
    make_article(profile, "Boundaries", "Saying no is allowed.")
    assert _titles(search.search_published("trust")) == [
        "Rebuilding trust",
        "Sleep in the first weeks",
    ]


def _leaves_out_drafts_and_scheduled(profile):
    make_article(profile, "Anger, published", "anger")
    make_article(profile, "Anger, a draft", "anger", published=False)
    make_article(profile, "Anger, tomorrow", "anger", days_ago=-1)
    assert _titles(search.search_published("anger")) == ["Anger, published"]


def _takes_syntax_as_words(profile):
    make_article(profile, "Anger after an affair", "anger and grief")
    for hostile in [
        'anger" OR "x',
        "anger*",
        "NEAR(anger grief)",
        "title:anger",
        "-anger",
        "'); DROP",
    ]:
        search.search_published(hostile)  # never an error
    # "OR" is a word to match like any other, never "either of these".
    assert _titles(search.search_published("grief OR zebra")) == []
    assert _titles(search.search_published("ANGER, grief!")) == ["Anger after an affair"]


def _finds_other_forms_of_a_word(profile):
    make_article(profile, "Rebuilding trust", "Trusting again takes time.")
    assert _titles(search.search_published("trusted")) == ["Rebuilding trust"]


@on_sqlite
def test_it_finds_the_best_match_first_on_sqlite(profile):
    _finds_the_best_match_first(profile)


@on_postgres
def test_it_finds_the_best_match_first_on_postgresql(profile):
    _finds_the_best_match_first(profile)


@on_sqlite
def test_it_leaves_out_drafts_and_scheduled_articles_on_sqlite(profile):
    _leaves_out_drafts_and_scheduled(profile)


@on_postgres
def test_it_leaves_out_drafts_and_scheduled_articles_on_postgresql(profile):
    _leaves_out_drafts_and_scheduled(profile)


@on_sqlite
def test_it_takes_a_visitors_search_syntax_as_plain_words_on_sqlite(profile):
    _takes_syntax_as_words(profile)


@on_postgres
def test_it_takes_a_visitors_search_syntax_as_plain_words_on_postgresql(profile):
    _takes_syntax_as_words(profile)


@on_sqlite
def test_it_finds_other_forms_of_a_word_on_sqlite(profile):
    _finds_other_forms_of_a_word(profile)


@on_postgres
def test_it_finds_other_forms_of_a_word_on_postgresql(profile):
    _finds_other_forms_of_a_word(profile)


@on_sqlite
def test_it_follows_an_edited_article_in_the_index(profile):
    article = make_article(profile, "Anger", "anger")
    article.title, article.body_html = "Grief", "<p>grief</p>"
    article.save()
    search.index_article(article)

    assert _titles(search.search_published("anger")) == []
    assert _titles(search.search_published("grief")) == ["Grief"]


@on_sqlite
def test_it_forgets_a_deleted_article(profile):
    doomed = make_article(profile, "Anger", "anger")
    doomed.delete()
    search.index_article(make_article(profile, "Grief", "grief"))

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {search.TABLE}")
        assert cursor.fetchone()[0] == 1


def test_it_shows_search_results_on_the_articles_page(client, profile):
    make_article(profile, "Rebuilding trust", "trust")

    response = client.get("/articles/?q=trust")

    assert html.words(html.one(response, "h1")) == "Search the articles"
    assert ("Rebuilding trust", "/articles/rebuilding-trust/") in html.links(html.main(response))
    assert html.values(response, "q") == ["trust"]


def test_it_says_kindly_when_nothing_is_found_and_offers_the_topics(client, profile):
    topic = make_topic("Boundaries")
    make_article(profile, "Saying no", "no", topics=(topic,))

    response = client.get("/articles/?q=zebra")
    main = html.words(html.main(response))

    assert "Nothing found for “zebra”" in main
    assert "That is all right." in main
    assert ("Boundaries", "/articles/topic/boundaries/") in html.links(html.main(response))


@on_postgres
def test_it_keeps_a_full_text_index_of_the_articles_on_postgresql(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'practice_article_search_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition.lower()
    assert "to_tsvector" in definition
