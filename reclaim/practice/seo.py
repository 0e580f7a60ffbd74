"""What the public pages tell search engines and link previews about themselves.

Title, description, canonical address, Open Graph and JSON-LD, built here
once and written into the page by `practice/public/_meta.html`. Only the
public site uses this: signed-in pages stay `noindex` and say nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils.safestring import SafeString, mark_safe

from .models import Article, Practitioner
from .queries.public import Picture

# The longest description search engines show; a longer one is cut at a word.
DESCRIPTION_LENGTH = 160

# What json_script escapes, so the JSON can never end its <script> element early.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


NOT_FOR_SEARCH = "noindex, nofollow"


def kept_from_search(response: HttpResponse) -> HttpResponse:
    """A visitor's own page (a registration, a booking): for them alone, never in a search engine."""
    response["X-Robots-Tag"] = NOT_FOR_SEARCH
    return response


def absolute(path: str) -> str:
    """The full address of a path on this site, from RECLAIM_SITE_URL."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.RECLAIM_SITE_URL.rstrip("/") + path


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def json_ld(data: dict[str, Any]) -> SafeString:
    """JSON for a `<script type="application/ld+json">`, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return mark_safe(text)  # noqa: S308  # <, > and & are escaped above.


@dataclass(frozen=True)
class Meta:
    title: str
    description: str
    path: str
    kind: str = "website"
    image: Picture | None = None
    structured: SafeString | None = None

    @property
    def canonical(self) -> str:
        return absolute(self.path)

    @property
    def image_url(self) -> str:
        return absolute(self.image.src) if self.image else ""


def page_meta(title: str, description: str, path: str) -> Meta:
    return Meta(title=title, description=shorten(description), path=path)


def _person(practitioner: Practitioner, path: str) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": practitioner.name, "url": absolute(path)}
    if practitioner.credentials:
        person["jobTitle"] = practitioner.credentials
    return person


def article_meta(
    article: Article, path: str, author_path: str | None, cover: Picture | None
) -> Meta:
    description = shorten(article.summary or article.title)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": description,
        "url": absolute(path),
        "mainEntityOfPage": absolute(path),
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": article.updated.isoformat(),
        "author": _person(article.author, author_path)
        if author_path
        else {"@type": "Person", "name": article.author.name},
    }
    if cover is not None:
        data["image"] = {
            "@type": "ImageObject",
            "url": absolute(cover.src),
            "width": cover.width,
            "height": cover.height,
        }
    return Meta(
        title=article.title,
        description=description,
        path=path,
        kind="article",
        image=cover,
        structured=json_ld(data),
    )


def person_meta(practitioner: Practitioner, path: str, photo: Picture | None) -> Meta:
    description = shorten(
        practitioner.credentials or f"About {practitioner.name} and how they work."
    )
    data = {"@context": "https://schema.org", **_person(practitioner, path)}
    if practitioner.area_list:
        data["knowsAbout"] = practitioner.area_list
    if photo is not None:
        data["image"] = absolute(photo.src)
    return Meta(
        title=practitioner.name,
        description=description,
        path=path,
        kind="profile",
        image=photo,
        structured=json_ld(data),
    )
