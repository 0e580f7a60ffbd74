"""Every landmark on Progress has its own name, so a screen reader's list of regions can be told apart."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from html.parser import HTMLParser

from django.urls import reverse

from .makers import PHQ9_8, checkin, result, today_of

HEADINGS = {"h1", "h2", "h3", "h4"}


class _Landmarks(HTMLParser):
    """The names of the page's sections, regions and navigation, as a browser would give them."""

    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []
        self.named: list[str] = []
        self.headings: dict[str, str] = {}
        self._heading: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"section", "nav", "aside"} or attrs.get("role") == "region":
            if attrs.get("aria-labelledby"):
                self.references.append(attrs["aria-labelledby"])
            elif attrs.get("aria-label"):
                self.named.append(attrs["aria-label"])
        if tag in HEADINGS and attrs.get("id"):
            self._heading = attrs["id"]
            self.headings[self._heading] = ""

    def handle_data(self, data):
        if self._heading:
            self.headings[self._heading] += data

    def handle_endtag(self, tag):
        if tag in HEADINGS:
            self._heading = None

    def names(self) -> list[str]:
        from_headings = [
            " ".join(" ".join(self.headings[ref].split()) for ref in refs.split())
            for refs in self.references
        ]
        return from_headings + self.named


def test_questionnaires_and_check_in_scales_never_share_a_region_name(
    member_client, member, settings
):
    # Every questionnaire there is, beside all five check-in scales.
    settings.RECLAIM_ENABLED_INSTRUMENTS = ["brs", "dar5"]
    result(member, "phq9", PHQ9_8, days_ago=3)
    result(member, "rses", [2] * 10, days_ago=3)
    result(member, "dar5", [2] * 5, days_ago=3)
    today = today_of(member)
    for days_ago in range(3):
        checkin(member, today - timedelta(days=days_ago), mood=4, anger=6)

    landmarks = _Landmarks()
    landmarks.feed(member_client.get(reverse("progress:progress")).content.decode())
    names = landmarks.names()

    assert {"Mood and energy", "Self-esteem", "Anger reactions"} <= set(names)
    assert {"Mood", "Self-worth", "Anger"} <= set(names)
    assert [name for name, count in Counter(names).items() if count > 1] == []
