"""The public site as a signed-out visitor reads it: home, articles, topics, articles, profiles."""

from __future__ import annotations

import pytest

from reclaim.practice.tests.makers import make_article, make_image, make_profile, make_topic
from reclaim.testing import html

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(practitioner):
    return make_profile(practitioner, "Sam Rivera")


@pytest.fixture
def anger(db):
    return make_topic("Anger", "When the anger comes, and what it is telling you.")


def test_it_shows_the_newest_articles_on_the_home_page(client, profile):
    make_article(profile, "The first weeks", days_ago=3)
    make_article(profile, "Your worth is not the question", days_ago=1)
    make_article(profile, "A draft nobody should see", published=False)
    make_article(profile, "Tomorrow's article", days_ago=-1)

    page = html.section(client.get("/"), "Latest articles")

    titles = [words for words, _ in html.links(page) if words != "All articles"]
    assert titles == ["Your worth is not the question", "The first weeks"]


def test_it_offers_a_private_account_and_sign_in_from_the_home_page(client, db):
    space = html.section(client.get("/"), "A private space of your own")

    assert html.links(space) == [
        ("Create a private account", "/account/signup/"),
        ("Sign in", "/account/login/"),
    ]
    assert "encrypted" in html.words(space)


def test_it_shows_quick_exit_and_help_on_every_public_page(client, profile, anger):
    make_article(profile, "Anger after an affair", topics=(anger,))
    for path in [
        "/",
        "/articles/",
        "/articles/topic/anger/",
        "/articles/anger-after-an-affair/",
        "/practitioners/sam-rivera/",
        "/articles/?q=anger",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Quick exit" in html.buttons(response), path
        assert ("Get help now", "/help/") in html.links(response), path


def test_it_lists_live_articles_newest_first_with_their_topics(client, profile, anger):
    make_article(profile, "Older", days_ago=5, topics=(anger,))
    make_article(profile, "Newer", days_ago=1)
    make_article(profile, "Draft", published=False)

    response = client.get("/articles/")

    assert [html.words(h) for h in html.select(html.main(response), ".article-card h3")] == [
        "Newer",
        "Older",
    ]
    assert ("Anger", "/articles/topic/anger/") in html.links(html.one(response, "nav.topics"))


def test_it_pages_a_long_list_of_articles(client, profile):
    for number in range(12):
        make_article(profile, f"Article {number}", days_ago=number + 1)

    first = client.get("/articles/")
    second = client.get("/articles/?page=2")

    assert len(html.select(first, ".article-card")) == 10
    assert ("Older articles", "?page=2") in html.links(first)
    assert [html.words(h) for h in html.select(second, ".article-card h3")] == [
        "Article 10",
        "Article 11",
    ]


def test_it_shows_only_a_topics_articles_on_its_page(client, profile, anger):
    make_article(profile, "Anger after an affair", topics=(anger,))
    make_article(profile, "Sleep in the first weeks")

    response = client.get("/articles/topic/anger/")

    assert html.words(html.one(response, "h1")) == "Anger"
    assert "what it is telling you" in html.words(html.main(response))
    assert [html.words(h) for h in html.select(response, ".article-card h3")] == [
        "Anger after an affair"
    ]


def test_it_answers_an_unknown_topic_with_not_found(client, db):
    assert client.get("/articles/topic/nothing-here/").status_code == 404


def test_it_shows_an_article_with_its_author_date_reading_time_and_cover(client, profile, anger):
    cover = make_image(1200, 630)
    make_article(
        profile,
        "Anger after an affair",
        "Anger is a sign that something mattered.",
        summary="Why the anger comes, and what to do with it.",
        topics=(anger,),
        cover=cover,
        cover_alt="A quiet lake at dawn",
    )

    response = client.get("/articles/anger-after-an-affair/")
    main = html.main(response)

    assert html.words(html.one(main, "h1")) == "Anger after an affair"
    assert "Why the anger comes" in html.words(main)
    assert ("Sam Rivera", "/practitioners/sam-rivera/") in html.links(main)
    assert "1 min read" in html.words(main)
    assert "Anger is a sign that something mattered." in html.words(main)
    image = html.one(main, "figure.cover img")
    assert (image["width"], image["height"], image["alt"]) == (
        "1200",
        "630",
        "A quiet lake at dawn",
    )
    assert ("Anger", "/articles/topic/anger/") in html.links(main)


def test_it_keeps_drafts_and_scheduled_articles_from_visitors(client, profile):
    make_article(profile, "Still a draft", published=False)
    make_article(profile, "Out tomorrow", days_ago=-1)

    assert client.get("/articles/still-a-draft/").status_code == 404
    assert client.get("/articles/out-tomorrow/").status_code == 404


def test_it_sends_an_old_address_on_to_the_new_one(client, profile):
    article = make_article(profile, "Rebuilding trust", slug="rebuilding-trust")
    article.old_slugs.create(slug="trust-again")

    response = client.get("/articles/trust-again/")

    assert response.status_code == 301
    assert response["Location"] == "/articles/rebuilding-trust/"


def test_it_suggests_related_articles_under_an_article(client, profile, anger):
    make_article(profile, "Anger after an affair", "anger rage fury", topics=(anger,))
    make_article(profile, "When anger comes back", "anger months later", topics=(anger,))
    make_article(profile, "Sleep", "sleep rest")

    related = html.section(
        client.get("/articles/anger-after-an-affair/"), "You might also find these helpful"
    )

    assert [html.words(h) for h in html.select(related, "h3")][0] == "When anger comes back"


def test_it_shows_a_listed_profile_with_areas_and_articles(client, profile):
    make_article(profile, "The first weeks")

    response = client.get("/practitioners/sam-rivera/")
    main = html.main(response)

    assert html.words(html.one(main, "h1")) == "Sam Rivera"
    assert "Counsellor, MBACP" in html.words(main)
    assert "We start with steadiness." in html.words(html.section(main, "How I work"))
    assert html.words(html.section(main, "What I help with")) == (
        "What I help with Betrayal trauma Anger after an affair"
    )
    assert ("The first weeks", "/articles/the-first-weeks/") in html.links(main)


def test_it_hides_a_profile_its_practitioner_has_not_listed(client, practitioner):
    make_profile(practitioner, "Sam Rivera", listed=False)

    assert client.get("/practitioners/sam-rivera/").status_code == 404


def test_it_names_the_one_practitioner_about_in_the_menu(client, profile):
    menu = html.one(client.get("/articles/"), "nav.sitenav")

    assert html.links(menu) == [
        ("Home", "/"),
        ("Articles", "/articles/"),
        ("About", "/practitioners/sam-rivera/"),
        ("Sign in", "/account/login/"),
    ]
