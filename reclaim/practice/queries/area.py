"""What the practice area's pages read: articles by state, topics, a profile, a picture."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils import timezone

from ..models import Article, Category, Image, Practitioner

LATEST = 5


class State:
    """The three states an article is in, as the area names them."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    ALL = (DRAFT, SCHEDULED, PUBLISHED)


def _in_state(state: str) -> QuerySet[Article]:
    now = timezone.now()
    articles = Article.objects.select_related("author")
    if state == State.DRAFT:
        return articles.filter(status=Article.Status.DRAFT).order_by("-updated")
    if state == State.SCHEDULED:
        return articles.filter(status=Article.Status.PUBLISHED, publish_at__gt=now).order_by(
            "publish_at"
        )
    return articles.live(now).order_by("-publish_at")


def state_of(article: Article) -> str:
    if article.status == Article.Status.DRAFT:
        return State.DRAFT
    return State.PUBLISHED if article.is_live() else State.SCHEDULED


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    latest: list[Article]


def overview() -> Overview:
    """How many articles are in each state, and the few changed last."""
    counts = {state: _in_state(state).count() for state in State.ALL}
    latest = list(Article.objects.select_related("author").order_by("-updated")[:LATEST])
    return Overview(counts=counts, latest=latest)


def articles_in(state: str | None) -> QuerySet[Article]:
    """Articles in one state, or all of them (most recently changed first)."""
    if state in State.ALL:
        return _in_state(str(state))
    return Article.objects.select_related("author").order_by("-updated")


def article(pk: int) -> Article:
    """One article by id, or 404. A small practice shares its articles, so any practitioner may open any."""
    found = (
        (Article.objects.select_related("author", "cover").prefetch_related("categories"))
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def categories() -> QuerySet[Category]:
    """Every topic, with how many articles it has."""
    return Category.objects.annotate(article_count=Count("articles"))


def category(pk: int) -> Category:
    found = categories().filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def profile_of(user: Any) -> Practitioner | None:
    """The practitioner's own profile, or None before they have one."""
    return Practitioner.objects.select_related("photo").filter(user=user).first()


def image_by_digest(digest: str) -> Image | None:
    return Image.objects.filter(digest=digest).first()
