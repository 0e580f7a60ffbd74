"""The practice area's overview at /practice/."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from reclaim.testing import html

from .area_makers import article

INDEX = reverse("practice:index")


def test_it_counts_drafts_scheduled_and_published_articles(practitioner, practitioner_client):
    article(practitioner, "A draft")
    article(practitioner, "Soon", when=timezone.now() + timedelta(days=2))
    article(practitioner, "Out now", publish=True)
    article(practitioner, "Also out", publish=True)
    main = html.main(practitioner_client.get(INDEX))
    counts = [words for words, _ in html.links(html.one(main, ".area-counts"))]
    assert counts == ["1 draft", "1 scheduled", "2 published"]
    latest = html.section(main, "Articles")
    assert "Also out" in html.words(latest)


def test_it_leads_to_writing_topics_and_the_profile(practitioner_client):
    found = dict(html.links(html.main(practitioner_client.get(INDEX))))
    assert found["Write an article"] == reverse("practice:article_new")
    assert found["Topics"] == reverse("practice:categories")
    assert found["Your profile"] == reverse("practice:profile")


def test_what_comes_later_is_described_not_offered_as_links(practitioner_client):
    coming = html.section(html.main(practitioner_client.get(INDEX)), "Coming to this area")
    assert html.terms(coming).keys() == {"Webinars", "Free consultations", "Shared with you"}
    assert html.links(coming) == []


def test_a_new_practice_is_welcomed_gently(practitioner_client):
    words = html.words(html.main(practitioner_client.get(INDEX)))
    assert "No articles yet." in words
