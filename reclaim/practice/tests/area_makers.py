"""Articles and topics for the practice area's tests, made through the real actions."""

from __future__ import annotations

from datetime import datetime

from reclaim.practice.actions.articles import (
    do_publish_article,
    do_save_article,
    do_save_category,
)
from reclaim.practice.models import Article, Category


def topic(user, name: str = "Trust") -> Category:
    return do_save_category(user, None, name=name, slug="", description="")


def article(
    user,
    title: str = "The first weeks",
    body: str = "Be gentle with yourself.",
    *,
    publish: bool = False,
    when: datetime | None = None,
    **fields,
) -> Article:
    data: dict = {"slug": "", "summary": "", "categories": []}
    data.update(fields)
    made = do_save_article(user, None, title=title, body=body, **data)
    if publish or when:
        do_publish_article(user, made, when)
    return made
