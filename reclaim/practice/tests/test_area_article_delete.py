"""Deleting an article, after a confirmation."""

from __future__ import annotations

from django.urls import reverse

from reclaim.practice.models import Article, AuditEntry, OldSlug
from reclaim.testing import html

from .area_makers import article


def test_it_asks_first_and_says_a_published_address_will_stop_working(
    practitioner, practitioner_client
):
    live = article(practitioner, publish=True)
    response = practitioner_client.get(reverse("practice:article_delete", args=[live.pk]))
    words = html.words(html.main(response))
    assert "Delete this article?" in words
    assert "its address will stop working" in words
    assert "you could unpublish it instead" in words
    assert Article.objects.filter(pk=live.pk).exists()


def test_it_deletes_on_post_with_its_old_addresses(practitioner, practitioner_client):
    live = article(practitioner, publish=True)
    OldSlug.objects.create(article=live, slug="an-old-one")
    response = practitioner_client.post(
        reverse("practice:article_delete", args=[live.pk]), follow=True
    )
    assert not Article.objects.exists()
    assert not OldSlug.objects.exists()
    assert "“The first weeks” is deleted." in html.words(response)
    assert AuditEntry.objects.filter(
        action="article.delete", target_label="The first weeks"
    ).exists()


def test_an_unknown_article_is_not_found(practitioner_client):
    assert (
        practitioner_client.get(reverse("practice:article_delete", args=[999])).status_code == 404
    )
