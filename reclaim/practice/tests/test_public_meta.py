"""Public pages describe themselves to search engines and link previews; member pages do not."""

from __future__ import annotations

import json

import pytest

from reclaim.practice import seo
from reclaim.practice.tests.makers import make_article, make_image, make_profile
from reclaim.testing import html

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(practitioner, settings):
    settings.RECLAIM_SITE_URL = "https://practice.example.org"
    profile = make_profile(practitioner, "Sam Rivera")
    make_article(
        profile,
        "Anger after an affair",
        summary="Why the anger comes, and what to do with it.",
        cover=make_image(1200, 630),
        cover_alt="A quiet lake",
    )
    return profile


def _meta(response, name):
    found = html.select(response, f'meta[property="{name}"], meta[name="{name}"]')
    return found[0]["content"] if found else None


def _json_ld(response):
    return json.loads(html.one(response, 'script[type="application/ld+json"]').string)


def test_it_describes_an_article_for_search_engines_and_link_previews(client, site):
    response = client.get("/articles/anger-after-an-affair/")
    url = "https://practice.example.org/articles/anger-after-an-affair/"

    assert html.title(response).startswith("Anger after an affair")
    assert _meta(response, "description") == "Why the anger comes, and what to do with it."
    assert html.one(response, 'link[rel="canonical"]')["href"] == url
    assert _meta(response, "og:url") == url
    assert _meta(response, "og:type") == "article"
    assert _meta(response, "og:image").startswith("https://practice.example.org/media/")
    assert (_meta(response, "og:image:width"), _meta(response, "og:image:height")) == (
        "1200",
        "630",
    )
    assert _meta(response, "robots") is None


def test_it_gives_an_article_structured_data_with_its_author(client, site):
    data = _json_ld(client.get("/articles/anger-after-an-affair/"))

    assert data["@type"] == "Article"
    assert data["headline"] == "Anger after an affair"
    assert data["author"] == {
        "@type": "Person",
        "name": "Sam Rivera",
        "url": "https://practice.example.org/practitioners/sam-rivera/",
        "jobTitle": "Counsellor, MBACP",
    }
    assert data["datePublished"] and data["dateModified"]
    assert data["image"]["width"] == 1200


def test_it_describes_a_profile_as_a_person(client, site):
    response = client.get("/practitioners/sam-rivera/")

    assert _meta(response, "og:type") == "profile"
    data = _json_ld(response)
    assert data["@type"] == "Person"
    assert data["knowsAbout"] == ["Betrayal trauma", "Anger after an affair"]


def test_it_escapes_structured_data_so_a_title_cannot_end_the_script(client, site):
    make_article(site, "</script><script>alert(1)</script> & more", slug="tricky")

    response = client.get("/articles/tricky/")

    assert "</script><script>" not in response.content.decode()
    assert _json_ld(response)["headline"] == "</script><script>alert(1)</script> & more"


def test_it_keeps_signed_in_member_pages_noindex_and_without_sharing_meta(member_client):
    response = member_client.get("/today/")

    assert _meta(response, "robots") == "noindex, nofollow"
    assert _meta(response, "og:title") is None
    assert html.select(response, 'link[rel="canonical"]') == []
    assert html.select(response, 'script[type="application/ld+json"]') == []


def test_it_shortens_a_long_description_at_a_word():
    text = "word " * 100

    short = seo.shorten(text)

    assert len(short) <= seo.DESCRIPTION_LENGTH
    assert short.endswith("word…")
