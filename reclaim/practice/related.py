"""Related articles: the same topic first, then the nearest by their words.

"Nearest by words" is the cosine of TF-IDF vectors: each word weighs by how
often the article uses it and how rare it is across all articles, so two
articles on anger are near each other and "the" counts for nothing. A small
practice has tens of articles, so a few lines of our own do it; the table
of neighbours is built once per version of the published articles and kept
in this process's memory, so reading a page computes nothing and writes
nothing.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter

from .models import Article
from .queries.public import content_version, live_articles_by_ids, live_texts

RELATED_COUNT = 3

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_lock = threading.Lock()
_cached: dict[str, object] = {}


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    """A unit-length TF-IDF vector of each text."""
    counts = [Counter(_WORD.findall(text.lower())) for text in texts]
    documents = Counter(word for count in counts for word in count)
    total = len(texts)
    vectors = []
    for count in counts:
        weights = {
            word: (1 + math.log(times)) * math.log((1 + total) / (1 + documents[word]))
            for word, times in count.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({word: w / norm for word, w in weights.items() if w > 0})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(word, 0.0) for word, weight in a.items())


def neighbours() -> dict[int, list[int]]:
    """For each live article, the others in the order a reader would want them."""
    rows = live_texts()
    vectors = _vectors([text for _, _, text in rows])
    table: dict[int, list[int]] = {}
    for i, (pk, topics, _) in enumerate(rows):
        scored = []
        for j, (other, other_topics, _) in enumerate(rows):
            if other == pk:
                continue
            shared = len(set(topics) & set(other_topics))
            # A shared topic outranks any closeness of words; then the words decide.
            scored.append((shared > 0, shared, _cosine(vectors[i], vectors[j]), -other))
        scored.sort(reverse=True)
        table[pk] = [-key[3] for key in scored]
    return table


def _table() -> dict[int, list[int]]:
    version = repr(content_version())
    with _lock:
        if _cached.get("version") != version:
            _cached["table"] = neighbours()
            _cached["version"] = version
        table: dict[int, list[int]] = _cached["table"]  # type: ignore[assignment]
        return table


def related_articles(article: Article, limit: int = RELATED_COUNT) -> list[Article]:
    """Up to `limit` live articles a reader of `article` may want next."""
    return live_articles_by_ids(_table().get(article.pk, [])[:limit])
