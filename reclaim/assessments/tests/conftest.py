"""Helpers for the questionnaire view tests: answering through the pages like a member."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reclaim.assessments.instruments import get
from reclaim.assessments.paging import page_ranges
from reclaim.testing import html


def page_title(response) -> str:
    return html.title(response)


def answer_all(client: Client, code: str, answers: Sequence[int], note: str = ""):
    """Post every page of a questionnaire in turn and return the last response."""
    url = reverse("assessments:take", args=[code])
    pages = page_ranges(get(code).item_count)
    response = None
    for page, numbers in enumerate(pages, start=1):
        data = {"code": code, "page": page}
        data.update({f"q{number}": answers[number - 1] for number in numbers})
        last = page == len(pages)
        data["go"] = "finish" if last else "next"
        if last:
            data["note"] = note
        response = client.post(url, data)
    return response


def count_queries(client: Client, url: str) -> int:
    """Queries for one GET, after a first visit has settled the session bookkeeping."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)
