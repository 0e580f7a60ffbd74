"""Counts read as English: one result is "your result", never "all 1 results"."""

from __future__ import annotations

from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from .makers import PHQ9_8, PHQ9_20, result


def _history_link(count: int) -> str:
    words = "Your result in words" if count == 1 else f"All {count} results in words"
    return f'<a href="{reverse("assessments:history", args=["phq9"])}">{words}</a>'


def test_one_result_is_your_result(member_client, member):
    result(member, "phq9", PHQ9_8, days_ago=2)
    response = member_client.get(reverse("progress:progress"))
    assertContains(response, _history_link(1), html=True)
    assertNotContains(response, "All 1 result")


def test_several_results_are_counted(member_client, member):
    result(member, "phq9", PHQ9_20, days_ago=40)
    result(member, "phq9", PHQ9_8, days_ago=2)
    assertContains(member_client.get(reverse("progress:progress")), _history_link(2), html=True)
