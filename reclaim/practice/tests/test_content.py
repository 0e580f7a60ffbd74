"""The demo practice's words in reclaim/practice/content/, as a writer adds to them.

A visitor reads these on the public site the first time they try Reclaim:
each article must load, be long enough to help, stay within what the
practice's Markdown shows, and link nowhere but to the site's own articles.
"""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reclaim.practice.demo import (
    ARTICLES_DIR,
    DRAFT,
    SCHEDULED,
    DemoArticle,
    demo_articles,
    demo_practice,
)
from reclaim.practice.models import Article, Category, Practitioner

MIN_WORDS, MAX_WORDS = 600, 1200
THEMES = 6
# Every partner, of any gender: the articles say "your partner" and "they".
GENDERED = ("husband", "wife", "boyfriend", "girlfriend", "he", "she", "him", "her", "his")
HELP = "Get help now"

_MD = MarkdownIt("commonmark", {"html": True})
ARTICLES = demo_articles()
SLUGS = {article.slug for article in ARTICLES}


def _limit(model: type, field: str) -> int:
    # The limits are the database's, defined once on the models.
    return model._meta.get_field(field).max_length  # type: ignore[attr-defined]


def _inline(tokens: list[Token]) -> list[Token]:
    return [child for token in tokens if token.type == "inline" for child in token.children or []]


def _words(article: DemoArticle) -> int:
    tokens = _MD.parse(article.body)
    return sum(len(t.content.split()) for t in _inline(tokens) if t.type == "text")


by_slug = pytest.mark.parametrize("article", ARTICLES, ids=[a.slug for a in ARTICLES])


def test_there_are_six_published_articles_besides_the_draft_and_the_scheduled_one():
    assert {DRAFT, SCHEDULED} <= SLUGS
    assert len(SLUGS - {DRAFT, SCHEDULED}) >= THEMES
    assert len(ARTICLES) == len(list(ARTICLES_DIR.glob("*.md")))


@by_slug
def test_every_article_has_a_title_slug_and_short_summary_that_fit_the_site(article):
    assert 0 < len(article.title) <= _limit(Article, "title")
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", article.slug)
    assert len(article.slug) <= _limit(Article, "slug")
    assert 0 < len(article.summary) <= _limit(Article, "summary") == 300


@by_slug
def test_every_article_is_long_enough_to_help_and_short_enough_to_finish(article):
    assert MIN_WORDS <= _words(article) <= MAX_WORDS


@by_slug
def test_every_article_uses_only_subheadings_under_its_title(article):
    tags = {t.tag for t in _MD.parse(article.body) if t.type == "heading_open"}
    assert tags <= {"h2", "h3"}
    assert tags, "a long article needs a few subheadings to find one's place"


@by_slug
def test_no_article_holds_raw_html_or_images(article):
    tokens = _MD.parse(article.body)
    assert not [t for t in tokens if t.type == "html_block"]
    assert not [t for t in _inline(tokens) if t.type in ("html_inline", "image")]


@by_slug
def test_every_link_goes_to_another_demo_article(article):
    hrefs = [
        str(t.attrs["href"]) for t in _inline(_MD.parse(article.body)) if t.type == "link_open"
    ]
    for href in hrefs:
        found = re.fullmatch(r"/articles/([a-z0-9-]+)/", href)
        assert found and found.group(1) in SLUGS, href


@by_slug
def test_every_article_names_one_or_two_topics_that_exist(article):
    topics = {topic.slug for topic in demo_practice().topics}
    assert 1 <= len(article.topics) <= 2
    assert set(article.topics) <= topics


@by_slug
def test_every_article_points_to_get_help_now_once_and_gently(article):
    assert article.body.count(HELP) == 1


@by_slug
def test_no_article_assumes_the_partners_gender(article):
    words = set(re.findall(r"[a-z]+", f"{article.title} {article.summary} {article.body}".lower()))
    assert not words & set(GENDERED)


def test_there_are_three_to_five_topics_each_with_a_line_and_an_article():
    topics = demo_practice().topics
    assert 3 <= len(topics) <= 5
    used = {slug for article in ARTICLES for slug in article.topics}
    for topic in topics:
        assert 0 < len(topic.name) <= _limit(Category, "name")
        assert 0 < len(topic.description) <= _limit(Category, "description")
        assert topic.slug in used, f"no article is about {topic.slug}"


def test_the_practitioners_profile_says_who_they_are_in_plain_words():
    profile = demo_practice().profile
    assert 0 < len(profile.name) <= _limit(Practitioner, "name")
    assert 0 < len(profile.credentials) <= _limit(Practitioner, "credentials")
    assert len(profile.approach.split()) >= 50
    assert len(profile.areas) >= 3
    words = set(re.findall(r"[a-z]+", profile.approach.lower()))
    assert not words & set(GENDERED)
