"""Every write to articles and topics (categories).

Each action checks, writes, records an audit line and brings the search
index up to date, all in one transaction. A small practice shares its
articles: any practitioner may change any article, and the audit log says
who did what. Deleting is allowed for published articles too (a
practitioner may need to take something down for good); the confirmation
page says that its address will stop working.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .. import audit, search
from ..images import store_image
from ..markdown import render_article
from ..models import Article, Category, OldSlug
from .profiles import fitting_slug, profile_of

# Addresses under /articles/ that the public site uses for itself.
RESERVED_SLUGS = frozenset({"feed", "topic"})

# The audit log's names for these writes: one home, read by the tests too.
ARTICLE_CREATE = "article.create"
ARTICLE_CHANGE = "article.change"
ARTICLE_PUBLISH = "article.publish"
ARTICLE_SCHEDULE = "article.schedule"
ARTICLE_UNPUBLISH = "article.unpublish"
ARTICLE_DELETE = "article.delete"
CATEGORY_CREATE = "category.create"
CATEGORY_CHANGE = "category.change"
CATEGORY_DELETE = "category.delete"

SLUG_TAKEN = "Another article uses (or used) that web address. Could you choose another?"
SLUG_RESERVED = "That web address is kept for the site itself. Could you choose another?"


def _check_article_slug(slug: str, article: Article | None) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError({"slug": SLUG_RESERVED})
    others = Article.objects.filter(slug=slug)
    old = OldSlug.objects.filter(slug=slug)
    if article is not None:
        others = others.exclude(pk=article.pk)
        old = old.exclude(article=article)
    if others.exists() or old.exists():
        raise ValidationError({"slug": SLUG_TAKEN})


def _remember_old_slug(article: Article, new_slug: str) -> None:
    """A published article's old address keeps working, redirecting to the new one."""
    # Going back to an address it had before makes that address its own again.
    OldSlug.objects.filter(article=article, slug=new_slug).delete()
    if article.slug != new_slug and article.status == Article.Status.PUBLISHED:
        OldSlug.objects.get_or_create(article=article, slug=article.slug)


@transaction.atomic
def do_save_article(
    user: Any,
    article: Article | None,
    *,
    title: str,
    slug: str,
    summary: str,
    body: str,
    categories: Iterable[Category],
    cover: Any = None,
    cover_alt: str = "",
    remove_cover: bool = False,
) -> Article:
    """Write a new article (a draft) or change one; raises ValidationError or ImageRejected."""
    slug = fitting_slug(Article, slug, title)
    _check_article_slug(slug, article)
    if article is None:
        article = Article(author=profile_of(user))
    else:
        _remember_old_slug(article, slug)
    rendered = render_article(body)
    article.title = title
    article.slug = slug
    article.summary = summary
    article.body = body
    article.body_html = rendered.html
    article.reading_minutes = rendered.reading_minutes
    if remove_cover:
        article.cover = None
    if cover is not None:
        article.cover = store_image(cover, user)
    article.cover_alt = cover_alt if article.cover is not None else ""
    created = article.pk is None
    article.save()
    article.categories.set(list(categories))
    audit.record(user, ARTICLE_CREATE if created else ARTICLE_CHANGE, article)
    search.index_article(article)
    return article


@transaction.atomic
def do_publish_article(user: Any, article: Article, when: datetime | None = None) -> Article:
    """Publish now (`when` None) or at a time to come, which schedules it."""
    now = timezone.now()
    if when is None and article.is_live(now):
        # Already live: "publish now" changes nothing, and its date stays true.
        return article
    article.status = Article.Status.PUBLISHED
    article.publish_at = when or now
    article.save(update_fields=["status", "publish_at", "updated"])
    scheduled = article.publish_at > now
    audit.record(user, ARTICLE_SCHEDULE if scheduled else ARTICLE_PUBLISH, article)
    search.index_article(article)
    return article


@transaction.atomic
def do_unpublish_article(user: Any, article: Article) -> Article:
    """Take an article off the public site (or out of the schedule): it is a draft again."""
    article.status = Article.Status.DRAFT
    article.publish_at = None
    article.save(update_fields=["status", "publish_at", "updated"])
    audit.record(user, ARTICLE_UNPUBLISH, article)
    search.index_article(article)
    return article


@transaction.atomic
def do_delete_article(user: Any, article: Article) -> None:
    """Delete an article for good, with its old addresses."""
    audit.record(user, ARTICLE_DELETE, article)
    pk = article.pk
    article.delete()
    # The row is gone; the index is told with the id it had, so it drops it too.
    article.pk = pk
    search.index_article(article)


def _check_category_slug(slug: str, category: Category | None) -> None:
    others = Category.objects.filter(slug=slug)
    if category is not None:
        others = others.exclude(pk=category.pk)
    if others.exists():
        raise ValidationError(
            {"slug": "Another topic has that web address. Could you choose another?"}
        )


@transaction.atomic
def do_save_category(
    user: Any, category: Category | None, *, name: str, slug: str, description: str
) -> Category:
    """Add a topic or rename one; raises ValidationError when the name or address is taken."""
    named = Category.objects.filter(name__iexact=name)
    if category is not None:
        named = named.exclude(pk=category.pk)
    if named.exists():
        raise ValidationError({"name": "There is already a topic with that name."})
    slug = fitting_slug(Category, slug, name)
    _check_category_slug(slug, category)
    created = category is None
    category = category or Category()
    category.name = name
    category.slug = slug
    category.description = description
    category.save()
    audit.record(user, CATEGORY_CREATE if created else CATEGORY_CHANGE, category)
    for article in category.articles.all():
        # An article's topics are part of what search finds.
        search.index_article(article)
    return category


@transaction.atomic
def do_delete_category(user: Any, category: Category) -> None:
    """Delete a topic; its articles stay, without it."""
    articles = list(category.articles.all())
    audit.record(user, CATEGORY_DELETE, category)
    category.delete()
    for article in articles:
        search.index_article(article)
