"""The options page: the latest view, how it changed, and never a recommendation."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from reclaim.toolkit.options.models import Snapshot

NEVER = ("you should", "best choice", "recommend")


def _table_rows(html: str) -> list[list[str]]:
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [re.findall(r"<td>(.*?)</td>", row) for row in rows]


def test_a_new_member_meets_a_calm_start_with_safety_first(member_client):
    html = member_client.get(reverse("options:index")).content.decode()
    assert "this page will never pick one for you" in html
    assert "Your safety comes first" in html
    assert f'href="{reverse("safety:home_safety")}"' in html
    assert f'href="{reverse("options:new")}"' in html
    assert "Nothing written yet." in html


def test_the_latest_view_is_shown_path_by_path(member_client, snapshot):
    html = member_client.get(reverse("options:index")).content.decode()
    for name in ("Work on the relationship", "Take space", "Separate", "Undecided"):
        assert f">{name}</h3>" in html
    assert "The years we built together." in html
    assert "The kids would have two homes." in html
    assert "How drawn: <strong>6 of 10</strong>" in html


def test_the_history_shows_how_drawn_the_member_felt_in_each_view(member_client, member, snap):
    first = snap(member, {"work": 7, "space": 3, "separate": 1, "undecided": 5})
    Snapshot.objects.filter(pk=first.pk).update(
        created=first.created - timedelta(days=10), day=first.day - timedelta(days=10)
    )
    snap(member, {"work": 4, "space": 6, "separate": 3, "undecided": 5})
    html = member_client.get(reverse("options:index")).content.decode()
    assert _table_rows(html) == [["7", "3", "1", "5"], ["4", "6", "3", "5"]]
    assert f'href="{reverse("options:detail", args=[first.pk])}"' in html
    # Two days of answers make a small chart, with its words for screen readers.
    assert 'role="img"' in html and "How drawn you felt to each path" in html


def test_one_view_alone_has_a_table_and_no_chart(member_client, snapshot):
    html = member_client.get(reverse("options:index")).content.decode()
    assert _table_rows(html) == [["6", "4", "2", "7"]]
    assert 'role="img"' not in html


def test_a_long_history_shows_the_latest_twelve_and_says_so(member_client, member, snap):
    for _ in range(14):
        snap(member)
    html = member_client.get(reverse("options:index")).content.decode()
    assert len(_table_rows(html)) == 12
    assert "your latest 12 of 14" in html


@pytest.mark.parametrize("name", ["options:index", "options:new"])
def test_the_pages_never_recommend_a_choice(member_client, snapshot, name):
    html = member_client.get(reverse(name)).content.decode().lower()
    for words in NEVER:
        assert words not in html
    assert f'href="{reverse("safety:home_safety")}"' in html


def test_a_saved_view_never_recommends_a_choice_either(member_client, snapshot):
    for url in (
        reverse("options:detail", args=[snapshot.pk]),
        reverse("options:delete", args=[snapshot.pk]),
    ):
        html = member_client.get(url).content.decode().lower()
        for words in NEVER:
            assert words not in html
    detail = member_client.get(reverse("options:detail", args=[snapshot.pk])).content.decode()
    assert f'href="{reverse("safety:home_safety")}"' in detail
