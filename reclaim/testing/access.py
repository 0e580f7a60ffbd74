"""Test helper: another member must meet a 404 on every object URL, never data."""

from __future__ import annotations

from collections.abc import Iterable

from django.test import Client


def assert_hidden_from(client: Client, urls: Iterable[str], post_data: dict | None = None) -> None:
    """GET and POST each URL as another member: every answer is a 404 that shows nothing.

    A view that takes only POST answers GET with 405, which also shows
    nothing; every other answer fails.
    """
    for url in urls:
        got = client.get(url)
        assert got.status_code in (404, 405), f"GET {url} answered {got.status_code}"
        posted = client.post(url, post_data or {"note": "x"})
        assert posted.status_code == 404, f"POST {url} answered {posted.status_code}"
