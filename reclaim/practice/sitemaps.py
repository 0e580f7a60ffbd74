"""The sitemap at /sitemap.xml: every public address, with its last change where known.

Django's sitemaps build each address from the request's host; ours come
from RECLAIM_SITE_URL, like every other full address the site gives out, so
`django.contrib.sites` is not needed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Category, Practitioner, Webinar
from .queries.public import listed_practitioners, sitemap_articles, topics
from .queries.webinars import sitemap_webinars


class _OurAddress(Sitemap):
    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.RECLAIM_SITE_URL).scheme or protocol or "https"

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.RECLAIM_SITE_URL).netloc


class PagesSitemap(_OurAddress):
    priority = 0.8
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["core:home", "site:articles", "site:webinars", "site:consultation"]

    def location(self, item: str) -> str:
        return reverse(item)


class TopicsSitemap(_OurAddress):
    changefreq = "weekly"

    def items(self) -> list[Category]:
        return topics()

    def location(self, item: Category) -> str:
        return reverse("site:topic", args=[item.slug])


class ArticlesSitemap(_OurAddress):
    changefreq = "monthly"

    def items(self) -> Any:
        return sitemap_articles()

    def location(self, item: Article) -> str:
        return reverse("site:article", args=[item.slug])

    def lastmod(self, item: Article) -> datetime:
        return item.updated


class PractitionersSitemap(_OurAddress):
    changefreq = "monthly"

    def items(self) -> list[Practitioner]:
        return listed_practitioners()

    def location(self, item: Practitioner) -> str:
        return reverse("site:practitioner", args=[item.slug])

    def lastmod(self, item: Practitioner) -> datetime:
        return item.updated


class WebinarsSitemap(_OurAddress):
    changefreq = "weekly"

    def items(self) -> Any:
        return sitemap_webinars()

    def location(self, item: Webinar) -> str:
        return reverse("site:webinar", args=[item.slug])

    def lastmod(self, item: Webinar) -> datetime:
        return item.updated


SITEMAPS: dict[str, type[Sitemap[Any]] | Sitemap[Any]] = {
    "pages": PagesSitemap,
    "topics": TopicsSitemap,
    "articles": ArticlesSitemap,
    "practitioners": PractitionersSitemap,
    "webinars": WebinarsSitemap,
}
