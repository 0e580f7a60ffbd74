"""/sitemap.xml follows the sitemap protocol and lists every public address, and only those."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema

from reclaim.practice.tests.makers import make_article, make_profile, make_topic

pytestmark = pytest.mark.django_db

SCHEMA = xmlschema.XMLSchema(Path(__file__).with_name("sitemap.xsd"))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def sitemap(client, practitioner, other_member, settings):
    settings.RECLAIM_SITE_URL = "https://practice.example.org"
    profile = make_profile(practitioner, "Sam Rivera")
    make_profile(other_member, "Hidden Person", listed=False)
    topic = make_topic("Anger")
    make_topic("Empty topic")
    make_article(profile, "Anger after an affair", topics=(topic,))
    make_article(profile, "A draft", published=False)
    make_article(profile, "Out tomorrow", days_ago=-1)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content


def test_it_validates_against_the_sitemap_protocol(sitemap):
    SCHEMA.validate(sitemap)


def test_it_lists_every_public_address_in_full_and_nothing_unpublished(sitemap):
    locations = [loc.text for loc in ElementTree.fromstring(sitemap).findall("s:url/s:loc", NS)]

    assert sorted(locations) == [
        "https://practice.example.org/",
        "https://practice.example.org/articles/",
        "https://practice.example.org/articles/anger-after-an-affair/",
        "https://practice.example.org/articles/topic/anger/",
        "https://practice.example.org/consultation/",
        "https://practice.example.org/practitioners/sam-rivera/",
        "https://practice.example.org/webinars/",
    ]


def test_it_says_when_an_article_last_changed(sitemap):
    for url in ElementTree.fromstring(sitemap).findall("s:url", NS):
        if url.findtext("s:loc", namespaces=NS).endswith("/anger-after-an-affair/"):
            assert url.findtext("s:lastmod", namespaces=NS)
            return
    raise AssertionError("the article is not in the sitemap")


def test_it_points_robots_to_the_sitemap_and_keeps_them_out_of_private_places(client, settings):
    settings.RECLAIM_SITE_URL = "https://practice.example.org"

    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: https://practice.example.org/sitemap.xml" in lines
    for private in ["/account/", "/practice/", "/operator/", "/journal/", "/today/"]:
        assert f"Disallow: {private}" in lines
    assert "Disallow: /articles/" not in lines
