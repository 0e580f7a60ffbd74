"""What the public site reads: live articles, topics, listed profiles.

Everything here is public by choice (a published article, a listed
profile); drafts, scheduled articles and unlisted profiles never leave
this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from ..images import extension_of
from ..markdown import render_article
from ..models import Article, Category, Image, OldSlug, Practitioner

# How many of the newest articles the front page shows.
HOME_ARTICLES = 4
# How many articles one page of /articles/ lists.
ARTICLES_PER_PAGE = 10
# How many of a practitioner's articles their profile lists.
PROFILE_ARTICLES = 20


@dataclass(frozen=True)
class Picture:
    """An image as a page shows it: its address, its size (so nothing shifts) and its words."""

    src: str
    width: int
    height: int
    alt: str
    content_type: str


def picture(image: Image | None, alt: str) -> Picture | None:
    """The picture for an article's cover or a profile's photo, if there is one."""
    if image is None:
        return None
    return Picture(
        src=reverse("media:image", args=[image.digest, extension_of(image)]),
        width=image.width,
        height=image.height,
        alt=alt,
        content_type=image.content_type,
    )


def _live(now: Any = None) -> QuerySet[Article]:
    """Live articles with what a list shows (author, cover, topics) in a fixed number of queries."""
    return (
        Article.objects.live(now)
        .select_related("author", "cover")
        .prefetch_related(
            Prefetch("categories", queryset=Category.objects.order_by("order", "name"))
        )
        .order_by("-publish_at", "-id")
    )


def latest_articles(limit: int = HOME_ARTICLES) -> list[Article]:
    """The newest live articles, newest first."""
    return list(_live()[:limit])


def article_page(number: str | int | None, topic: Category | None = None) -> Page[Article]:
    """One page of live articles (of one topic, when given), newest first."""
    articles = _live()
    if topic is not None:
        articles = articles.filter(categories=topic)
    return Paginator(articles, ARTICLES_PER_PAGE).get_page(number)


def topics() -> list[Category]:
    """The topics that have at least one live article, in the practice's order."""
    now = timezone.now()
    live = Q(articles__status=Article.Status.PUBLISHED, articles__publish_at__lte=now)
    return list(
        Category.objects.annotate(live_count=Count("articles", filter=live)).filter(
            live_count__gt=0
        )
    )


def topic_by_slug(slug: str) -> Category | None:
    return Category.objects.filter(slug=slug).first()


def live_article(slug: str) -> Article | None:
    """The live article at this address, or None (drafts and scheduled ones are not there yet)."""
    return _live().filter(slug=slug).first()


def renamed_article_slug(slug: str) -> str | None:
    """The current slug of a live article that used to live at `slug`, if any."""
    old = OldSlug.objects.filter(slug=slug).select_related("article").first()
    if old is None or not old.article.is_live():
        return None
    return old.article.slug


def live_articles_by_ids(ids: Iterable[int]) -> list[Article]:
    """The live articles among `ids`, in the order given (a ranking stays a ranking)."""
    wanted = list(ids)
    found = {article.pk: article for article in _live().filter(pk__in=wanted)}
    return [found[pk] for pk in wanted if pk in found]


def live_texts() -> list[tuple[int, list[int], str]]:
    """Each live article as (id, its topic ids, its plain words): what related.py compares."""
    rows = (
        Article.objects.live()
        .prefetch_related("categories")
        .only("id", "title", "summary", "body_html")
        .order_by("id")
    )
    return [
        (
            article.pk,
            [category.pk for category in article.categories.all()],
            " ".join((article.title, article.summary, strip_tags(article.body_html))),
        )
        for article in rows
    ]


def content_version() -> tuple[int, str]:
    """Changes whenever a visitor could see a different set of articles: count and last edit."""
    found = Article.objects.live().aggregate(count=Count("id"), last=Max("updated"))
    last = found["last"]
    return (int(found["count"]), last.isoformat() if last else "")


def listed_practitioners() -> list[Practitioner]:
    """Profiles their practitioners chose to show, in name order."""
    return list(Practitioner.objects.filter(listed=True).select_related("photo").order_by("name"))


def practitioner_by_slug(slug: str) -> Practitioner | None:
    """A listed profile, or None (an unlisted one is not public)."""
    return Practitioner.objects.filter(slug=slug, listed=True).select_related("photo").first()


def articles_by(practitioner: Practitioner, limit: int = PROFILE_ARTICLES) -> list[Article]:
    return list(_live().filter(author=practitioner)[:limit])


def feed_articles(limit: int) -> list[Article]:
    """The newest live articles for the feed."""
    return list(_live()[:limit])


def sitemap_articles() -> QuerySet[Article]:
    """Every live article, for the sitemap (address and last change only)."""
    return Article.objects.live().only("slug", "updated").order_by("-publish_at", "-id")


def approach_html(practitioner: Practitioner) -> SafeString:
    """A profile's "approach" (Markdown) as clean HTML."""
    return render_article(practitioner.approach).html
