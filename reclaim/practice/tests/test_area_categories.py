"""Topics (categories): add, rename, delete."""

from __future__ import annotations

from django.urls import reverse

from reclaim.practice.models import Article, AuditEntry, Category
from reclaim.testing import html

from .area_makers import article, topic

LIST = reverse("practice:categories")


def test_a_topic_is_added_with_an_address_from_its_name(practitioner_client):
    response = practitioner_client.post(
        LIST,
        {"name": "Rebuilding trust", "slug": "", "description": "If you choose to."},
        follow=True,
    )
    made = Category.objects.get()
    assert made.slug == "rebuilding-trust"
    assert "The topic “Rebuilding trust” is added." in html.words(response)
    assert "Rebuilding trust" in html.words(html.one(html.main(response), ".area-list"))
    assert AuditEntry.objects.filter(action="category.create").exists()


def test_a_name_already_used_is_refused_kindly_and_kept(practitioner, practitioner_client):
    topic(practitioner, "Anger")
    response = practitioner_client.post(LIST, {"name": "anger", "description": "Mine"})
    assert response.status_code == 400
    assert "There is already a topic with that name." in html.words(response)
    assert html.values(response, "description") == ["Mine"]
    assert Category.objects.count() == 1


def test_a_topic_can_be_renamed(practitioner, practitioner_client):
    trust = topic(practitioner)
    url = reverse("practice:category_edit", args=[trust.pk])
    assert html.values(practitioner_client.get(url), "name") == ["Trust"]
    practitioner_client.post(url, {"name": "Trust again", "slug": "trust", "description": ""})
    trust.refresh_from_db()
    assert (trust.name, trust.slug) == ("Trust again", "trust")


def test_deleting_a_topic_with_articles_says_they_stay(practitioner, practitioner_client):
    trust = topic(practitioner)
    article(practitioner, categories=[trust])
    url = reverse("practice:category_delete", args=[trust.pk])
    words = html.words(html.main(practitioner_client.get(url)))
    assert "1 article is in this topic. It stays just as it is, only without this topic." in words
    practitioner_client.post(url)
    assert not Category.objects.exists()
    assert Article.objects.count() == 1
