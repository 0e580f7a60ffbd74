"""Progress and Today stay light on a phone, for a member with a year of use.

A member opens these pages on a phone, often on a slow or metered
connection; every chart used to be drawn twice and carry its colours on
each shape. The year is seeded as the demo and the benchmarks seed it.
"""

import pytest
from django.urls import reverse

from reclaim.assessments.demo import seed_results
from reclaim.checkins.demo import seed_checkins
from reclaim.journal.demo import seed_journal
from reclaim.testing import html
from reclaim.vault.crypto import key_cache

# Bytes of HTML, as sent (before any compression).
PROGRESS_MOST = 50_000
TODAY_MOST = 30_000


@pytest.fixture
def a_year(member):
    with key_cache():
        seed_checkins(member, 365)
        seed_journal(member, 365, count=300)
        seed_results(member, days=365)
    return member


def body(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("query", ["", "?days=90"])
def test_the_progress_page_of_a_year_is_light_and_still_shows_every_chart(
    a_year, member_client, query
):
    content = body(member_client, reverse("progress:progress") + query)
    page = html.main(content.decode())
    # Four questionnaires and five check-in scales, each drawn once with its words.
    charts = page.select("svg[role=img]")
    assert len(charts) == 9
    for chart in charts:
        assert chart.title is not None and html.words(chart.title)
        assert chart.desc is not None and html.words(chart.desc)
    if query == "":
        assert len(content) <= PROGRESS_MOST


def test_today_of_a_year_is_light_and_still_shows_every_scale(a_year, member_client):
    content = body(member_client, reverse("progress:today"))
    page = html.main(content.decode())
    assert len(page.select("svg[role=img]")) == 5
    assert len(content) <= TODAY_MOST
