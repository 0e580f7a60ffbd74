"""The trust page's reading rules: counts in words, the chart's table, flat query counts."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reclaim.testing import html
from reclaim.toolkit.trust import queries
from reclaim.toolkit.trust.demo import seed


def test_tally_words_are_plain_and_neutral():
    assert queries.Tally().words == "Nothing noted in the last 30 days."
    assert queries.Tally(kept=1).words == "In the last 30 days: kept once, broken 0 times."
    assert queries.Tally(kept=2, broken=3, unsure=1).words == (
        "In the last 30 days: kept twice, broken 3 times, not sure once."
    )


def test_the_chart_table_has_a_row_per_level_and_the_line_the_last_of_each_day():
    day = date(2026, 3, 1)
    levels = [(day, 4), (day, 6), (day + timedelta(days=5), 8)]
    chart = queries.trust_chart(levels, day - timedelta(days=10), day + timedelta(days=10))
    assert chart.columns == ["Date", "Trust (0 to 10)"]
    assert chart.rows == [["Sun 1 Mar", "4"], ["Sun 1 Mar", "6"], ["Fri 6 Mar", "8"]]
    drawing = html.one(str(chart.svg), "svg")
    # Two days with a level: one point each, the same day's two levels as one.
    assert len(html.select(drawing, "circle")) == 2
    # A screen reader names the drawing by the title its aria-labelledby points to.
    assert drawing["role"] == "img"
    named_by = str(drawing["aria-labelledby"]).split()[0]
    assert html.words(html.one(drawing, f"#{named_by}")) == "How much you trusted"


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_and_its_year_chart_cost_the_same_queries_with_a_day_or_a_year(
    client, django_user_model
):
    today = timezone.localdate()
    counts = []
    for days in (1, 365):
        user = django_user_model.objects.create_user(
            username=f"t{days}", password="x", onboarded=timezone.now()
        )
        seed(user, days, today)
        client.force_login(user)
        url = reverse("trust:index") + "?days=365"
        _count(client, url)
        counts.append(_count(client, url))
        agreement = queries.agreements_of(user)[0]
        counts.append(_count(client, reverse("trust:agreement", args=[agreement.pk])))
    assert counts[0] == counts[2] and counts[1] == counts[3], counts
