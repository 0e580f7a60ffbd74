"""Search over published articles (SQLite FTS5, or PostgreSQL full-text).

On SQLite the words of every article (drafts too) are kept in an FTS5
table, `practice_article_search` (migration 0002), whose rowid is the
article's id; every article write calls `index_article`, and the live
filter is applied when searching, so an article scheduled for tomorrow is
found from tomorrow without a write. On PostgreSQL the words are read from
the article itself through a GIN index on the same expression the query
uses, so there is nothing to keep in step.

A visitor's words never reach the search engine as syntax: each word is
taken alone, quoted, and all must match.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import F
from django.utils.html import strip_tags

from .models import Article
from .queries.public import live_articles_by_ids

if TYPE_CHECKING:
    from django.db.models.expressions import CombinedExpression

TABLE = "practice_article_search"
# PostgreSQL's text search configuration: English stemming ("trusting" finds "trust").
CONFIG = "english"
# At most this many words of a query are used; a longer query is noise.
MAX_TERMS = 12
SEARCH_LIMIT = 30

_WORD = re.compile(r"\w+", re.UNICODE)


def terms(query: str) -> list[str]:
    """The words of a visitor's query, without any search syntax."""
    return _WORD.findall(query.lower())[:MAX_TERMS]


def article_text(article: Article) -> str:
    """The plain words of an article's body, as visitors read them."""
    return strip_tags(article.body_html)


def index_article(article: Article) -> None:
    """Bring the search index up to date with this article (called by every article write).

    Rows of deleted articles go at the same time (a deleted article has no
    id left to name), so a delete needs nothing else.
    """
    if connection.vendor != "sqlite":
        return
    articles = Article._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE rowid = %s OR rowid NOT IN (SELECT id FROM {articles})",  # noqa: S608
            [article.pk],
        )
        if article.pk is not None:
            cursor.execute(
                f"INSERT INTO {TABLE} (rowid, title, summary, text) VALUES (%s, %s, %s, %s)",  # noqa: S608
                [article.pk, article.title, article.summary, article_text(article)],
            )


def search_published(query: str, limit: int = SEARCH_LIMIT) -> list[Article]:
    """Live articles matching every word of `query`, most relevant first."""
    words = terms(query)
    if not words:
        return []
    if connection.vendor == "postgresql":
        ids = _postgres_ids(words, limit)
    else:
        ids = _sqlite_ids(words, limit)
    return live_articles_by_ids(ids)


def _sqlite_ids(words: list[str], limit: int) -> list[int]:
    # Each word in double quotes is a plain string to FTS5, never an operator;
    # \w+ words hold no quotes to escape.
    match = " ".join(f'"{word}"' for word in words)
    now = Article.objects.live().values("pk").query
    sql, params = now.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            # bm25() is smaller for a better match; the title counts most, then the summary.
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({sql}) "  # noqa: S608
            f"ORDER BY bm25({TABLE}, 10.0, 4.0, 1.0) LIMIT %s",
            [match, *params, limit],
        )
        return [row[0] for row in cursor.fetchall()]


def _postgres_ids(words: list[str], limit: int) -> list[int]:
    # Imported here: the module needs psycopg, which a SQLite installation may lack.
    from django.contrib.postgres.search import SearchQuery, SearchRank

    # "plain": the words are ANDed. The words are already bare, and
    # "websearch" would read a visitor's "or" as an operator.
    query = SearchQuery(" ".join(words), config=CONFIG, search_type="plain")
    vector = search_vector()
    return list(
        Article.objects.live()
        .annotate(found=vector, rank=SearchRank(vector, query))
        .filter(found=query)
        .order_by("-rank", F("publish_at").desc())
        .values_list("pk", flat=True)[:limit]
    )


def search_vector() -> CombinedExpression:
    """The words PostgreSQL searches: title (weight A), summary (B), body (C).

    Migration 0002 builds its GIN index on this very expression, so the
    index serves the query.
    """
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("summary", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
    )
