"""The articles' Atom feed at /articles/feed/, for feed readers."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .models import Article
from .queries.public import feed_articles
from .seo import absolute

FEED_LENGTH = 20


class ArticlesFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return f"{settings.RECLAIM_SITE_NAME}: articles"

    def subtitle(self) -> str:
        return "New articles on healing after betrayal, as they are published."

    def link(self) -> str:
        return absolute(reverse("site:articles"))

    def feed_url(self) -> str:
        return absolute(reverse("site:feed"))

    def items(self) -> list[Article]:
        return feed_articles(FEED_LENGTH)

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        # Atom marks the summary as HTML, so a reader would run any markup in it;
        # the summary is plain words, escaped here so they stay words.
        return escape(item.summary or item.title)

    def item_link(self, item: Article) -> str:
        return absolute(reverse("site:article", args=[item.slug]))

    def item_guid(self, item: Article) -> str:
        # The address can change (a new slug); the id the reader keeps must not.
        return absolute(f"/articles/#article-{item.pk}")

    def item_guid_is_permalink(self, item: Article) -> bool:
        return False

    def item_author_name(self, item: Article) -> str:
        return item.author.name

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.publish_at

    def item_updateddate(self, item: Article) -> datetime:
        return item.updated

    def item_categories(self, item: Article) -> list[str]:
        return [category.name for category in item.categories.all()]
