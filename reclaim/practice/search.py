"""Search over published articles (SQLite FTS5, or PostgreSQL full-text)."""

from __future__ import annotations

from typing import Any


def index_article(article: Any) -> None:
    """Bring the search index up to date with this article (called by every article write)."""
