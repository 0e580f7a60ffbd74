"""Practice rows for tests: a practitioner's profile, topics, images and articles.

Articles are made with the models directly, the way the practice area's
actions will leave them (body rendered once into body_html, the search
index brought up to date).
"""

from __future__ import annotations

import hashlib
import io
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from reclaim.practice import search
from reclaim.practice.markdown import render_article
from reclaim.practice.models import Article, Category, Image, Practitioner


def render_body(body: str) -> str:
    """The body as the practice's Markdown renderer leaves it: clean HTML."""
    return render_article(body).html


def make_profile(user, name: str = "Sam Rivera", *, listed: bool = True, **extra) -> Practitioner:
    defaults = {
        "slug": slugify(name),
        "credentials": "Counsellor, MBACP",
        "approach": "I go at your pace.\n\nWe start with steadiness.",
        "areas": "Betrayal trauma\nAnger after an affair",
    }
    defaults.update(extra)
    return Practitioner.objects.create(user=user, name=name, listed=listed, **defaults)


def make_topic(name: str, description: str = "", order: int = 0) -> Category:
    return Category.objects.create(
        name=name, slug=slugify(name), description=description, order=order
    )


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A small, real PNG (one flat colour), made without any image library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\x8c\xc4\xab" * width for _ in range(height))
    out = io.BytesIO()
    out.write(b"\x89PNG\r\n\x1a\n")
    out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
    out.write(chunk(b"IDAT", zlib.compress(raw)))
    out.write(chunk(b"IEND", b""))
    return out.getvalue()


def make_image(width: int = 1200, height: int = 630) -> Image:
    data = png_bytes(width, height)
    return Image.objects.create(
        data=data,
        content_type="image/png",
        width=width,
        height=height,
        digest=hashlib.sha256(data).hexdigest(),
    )


def make_article(
    author: Practitioner,
    title: str,
    body: str = "Some quiet words.",
    *,
    summary: str = "",
    topics: tuple[Category, ...] = (),
    published: bool = True,
    days_ago: float = 1,
    cover: Image | None = None,
    cover_alt: str = "",
    slug: str | None = None,
) -> Article:
    """An article; published `days_ago` days ago (negative: scheduled), or a draft."""
    article = Article.objects.create(
        author=author,
        title=title,
        slug=slug or slugify(title),
        summary=summary,
        body=body,
        body_html=render_body(body),
        reading_minutes=max(1, len(body.split()) // 200),
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        publish_at=timezone.now() - timedelta(days=days_ago) if published else None,
        cover=cover,
        cover_alt=cover_alt,
    )
    article.categories.set(topics)
    search.index_article(article)
    return article
