"""The options page: the latest view, how it changed, and never a recommendation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.options.models import Snapshot

NEVER = ("you should", "best choice", "recommend")


def _table_rows(page) -> list[list[str]]:
    return [
        [html.words(cell) for cell in row.select("td")] for row in html.select(page, "tbody tr")
    ]


def test_a_new_member_meets_a_calm_start_with_safety_first(member_client):
    main = html.main(member_client.get(reverse("options:index")))
    assert "this page will never pick one for you" in html.words(main)
    assert "Your safety comes first" in html.words(main)
    assert reverse("safety:home_safety") in html.hrefs(main)
    assert reverse("options:new") in html.hrefs(main)
    assert "Nothing written yet." in html.words(main)


def test_the_latest_view_is_shown_path_by_path(member_client, snapshot):
    main = html.main(member_client.get(reverse("options:index")))
    headings = [html.words(h3) for h3 in html.select(main, "h3")]
    for name in ("Work on the relationship", "Take space", "Separate", "Undecided"):
        assert name in headings
    assert "The years we built together." in html.words(main)
    assert "The kids would have two homes." in html.words(main)
    assert "How drawn: 6 of 10" in html.words(main)


def test_the_history_shows_how_drawn_the_member_felt_in_each_view(member_client, member, snap):
    first = snap(member, {"work": 7, "space": 3, "separate": 1, "undecided": 5})
    Snapshot.objects.filter(pk=first.pk).update(
        created=first.created - timedelta(days=10), day=first.day - timedelta(days=10)
    )
    snap(member, {"work": 4, "space": 6, "separate": 3, "undecided": 5})
    page = member_client.get(reverse("options:index"))
    assert _table_rows(page) == [["7", "3", "1", "5"], ["4", "6", "3", "5"]]
    assert reverse("options:detail", args=[first.pk]) in html.hrefs(page)
    # Two days of answers make a small chart, with its words for screen readers.
    charts = html.select(html.main(page), '[role="img"]')
    assert any("How drawn you felt to each path" in html.words(chart) for chart in charts)


def test_one_view_alone_has_a_table_and_no_chart(member_client, snapshot):
    page = member_client.get(reverse("options:index"))
    assert _table_rows(page) == [["6", "4", "2", "7"]]
    assert not html.select(page, '[role="img"]')


def test_a_long_history_shows_the_latest_twelve_and_says_so(member_client, member, snap):
    for _ in range(14):
        snap(member)
    page = member_client.get(reverse("options:index"))
    assert len(_table_rows(page)) == 12
    assert "your latest 12 of 14" in html.words(page)


@pytest.mark.parametrize("name", ["options:index", "options:new"])
def test_the_pages_never_recommend_a_choice(member_client, snapshot, name):
    page = member_client.get(reverse(name))
    for words in NEVER:
        assert words not in html.words(page).lower()
    assert reverse("safety:home_safety") in html.hrefs(html.main(page))


def test_a_saved_view_never_recommends_a_choice_either(member_client, snapshot):
    for url in (
        reverse("options:detail", args=[snapshot.pk]),
        reverse("options:delete", args=[snapshot.pk]),
    ):
        text = html.words(member_client.get(url)).lower()
        for words in NEVER:
            assert words not in text
    detail = member_client.get(reverse("options:detail", args=[snapshot.pk]))
    assert reverse("safety:home_safety") in html.hrefs(html.main(detail))
