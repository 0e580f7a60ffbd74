"""The public site's pages: home, articles, topics, search, profiles, feed, sitemap, robots.

Every page here is the same for every visitor who is not signed in, sets
no cookie and uses no per-request bytes (no CSP nonce, no CSRF token), so
`public_page` can mark it for shared caching (see core.middleware).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from reclaim.core.middleware import mark_public

from .. import related, search, seo
from ..feeds import ArticlesFeed
from ..queries import consultations as consultation_queries
from ..queries import public as queries
from ..queries import webinars as webinar_queries
from ..sitemaps import SITEMAPS

View = Callable[..., HttpResponse]

# The longest search a visitor can type; more is cut, never an error.
QUERY_LENGTH = 200


def public_page(view: View) -> View:
    """Mark a view's answers as public pages, which a shared cache may keep."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return mark_public(view(request, *args, **kwargs))

    return wrapped


def _site(
    request: HttpRequest, template: str, meta: seo.Meta, nav: str, **context: Any
) -> HttpResponse:
    """Render a public page with what every public page shows (the menu's people)."""
    practitioners = queries.listed_practitioners()
    return render(
        request,
        f"practice/public/{template}",
        {"meta": meta, "listed": practitioners, "nav": nav, **context},
    )


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    """The practice's front page at `/` for visitors who are not signed in."""
    latest = queries.latest_articles()
    upcoming = webinar_queries.next_webinar()
    meta = seo.page_meta(
        "Healing after betrayal",
        "Plain, kind help for anyone who has found out a partner betrayed them: "
        "articles, a private space of your own, and someone to talk to.",
        reverse("core:home"),
    )
    return _site(
        request,
        "home.html",
        meta,
        "home",
        latest=latest,
        topics=queries.topics(),
        next_webinar=upcoming,
        next_webinar_when=webinar_queries.when_words(upcoming) if upcoming else "",
        consultation=consultation_queries.consultation_teaser(),
    )


@require_safe
@public_page
def articles(request: HttpRequest) -> HttpResponse:
    """Every live article, newest first; or, with ?q=, the ones matching a search."""
    query = request.GET.get("q", "")[:QUERY_LENGTH].strip()
    if query:
        results = search.search_published(query)
        meta = seo.page_meta(
            "Search the articles",
            "Search the practice's articles on healing after betrayal.",
            reverse("site:articles"),
        )
        return _site(
            request,
            "search.html",
            meta,
            "articles",
            query=query,
            results=results,
            topics=queries.topics(),
        )
    meta = seo.page_meta(
        "Articles",
        "Articles on healing after betrayal: the shock, anger, your worth, boundaries, "
        "trust, and caring for yourself.",
        reverse("site:articles"),
    )
    return _listing(request, meta, None)


@require_safe
@public_page
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    found = queries.topic_by_slug(slug)
    if found is None:
        raise Http404
    meta = seo.page_meta(
        found.name,
        found.description or f"Articles about {found.name.lower()}.",
        reverse("site:topic", args=[found.slug]),
    )
    return _listing(request, meta, found)


def _listing(request: HttpRequest, meta: seo.Meta, topic: Any) -> HttpResponse:
    """One page of the live articles, all of them or one topic's, with the topics to choose from."""
    page = queries.article_page(request.GET.get("page"), topic=topic)
    return _site(
        request, "articles.html", meta, "articles", page=page, topics=queries.topics(), topic=topic
    )


@require_safe
@public_page
def article(request: HttpRequest, slug: str) -> HttpResponse:
    found = queries.live_article(slug)
    if found is None:
        renamed = queries.renamed_article_slug(slug)
        if renamed is None:
            raise Http404
        return redirect("site:article", renamed, permanent=True)
    author = found.author if found.author.listed else None
    author_path = reverse("site:practitioner", args=[author.slug]) if author else None
    cover = queries.picture(found.cover, found.cover_alt)
    meta = seo.article_meta(found, reverse("site:article", args=[found.slug]), author_path, cover)
    return _site(
        request,
        "article.html",
        meta,
        "articles",
        article=found,
        author_path=author_path,
        cover=cover,
        related=related.related_articles(found),
    )


@require_safe
@public_page
def practitioner(request: HttpRequest, slug: str) -> HttpResponse:
    found = queries.practitioner_by_slug(slug)
    if found is None:
        raise Http404
    photo = queries.picture(found.photo, found.photo_alt)
    meta = seo.person_meta(found, reverse("site:practitioner", args=[found.slug]), photo)
    return _site(
        request,
        "practitioner.html",
        meta,
        "people",
        person=found,
        photo=photo,
        approach=queries.approach_html(found),
        written=queries.articles_by(found),
    )


feed = require_safe(public_page(ArticlesFeed()))


@require_safe
@public_page
def sitemap(request: HttpRequest) -> HttpResponse:
    response: HttpResponse = django_sitemap(
        request, sitemaps=SITEMAPS, template_name="practice/public/sitemap.xml"
    )
    # Rendered now, so the middleware can hash the body for its ETag.
    response.render()  # type: ignore[attr-defined]
    return response


@require_safe
@public_page
def robots(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practice/public/robots.txt",
        {"sitemap_url": seo.absolute(reverse("site:sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
