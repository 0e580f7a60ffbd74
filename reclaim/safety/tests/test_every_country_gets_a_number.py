"""Every country a member can choose gets a number to call and whole sentences.

A member whose country has no file of its own used to read "If you are in
danger, ..." with no number after it. Here the crisis panel (elevated and urgent)
and the help page are rendered for every country in django-countries, and each
must offer a number to dial and no sentence with a hole in it.
"""

from __future__ import annotations

import re

import pytest
from bs4 import Tag
from django.urls import reverse
from django_countries import countries

from reclaim.safety import actions
from reclaim.safety.lines import emergency_numbers, load_country
from reclaim.safety.response import SESSION_KEY
from reclaim.testing import html

CODES = [code for code, _name in countries]

# A call link with a real number: two or more digits, nothing else.
DIAL = re.compile(r"tel:\+?\d{2,}")
# What a missing value leaves behind in a sentence.
HOLES = [
    re.compile(r"\S  +\S"),  # two spaces inside a line: "call  now"
    re.compile(r"\s[.,;:!?]"),  # a space before a stop: "call ."
    re.compile(r"\bcall\s+now\b|\bcall$", re.I),  # "call now" / a line ending in "call"
    re.compile(r"\b(?:None|null)\b"),
    re.compile(r"\{\{|\}\}|\{%|%\}"),
]


def words_of(element: Tag) -> list[str]:
    """The text a person reads, line by line, spaces kept as written so a hole still shows."""
    for unread in element.select("script, style"):
        unread.decompose()
    return [line.strip() for line in element.get_text().splitlines() if line.strip()]


def assert_whole(element: Tag, where: str) -> None:
    assert any(DIAL.fullmatch(href) for href in html.hrefs(element)), f"{where}: no number to dial"
    for line in words_of(element):
        for hole in HOLES:
            assert not hole.search(line), f"{where}: {line!r}"


def panel_of(response) -> Tag:
    found = html.select(response, "#safety-panel")
    assert found, "the page shows no safety panel"
    return found[0]


def test_the_numbers_file_names_every_country_a_member_can_choose():
    table = emergency_numbers().numbers
    assert sorted(table) == sorted(CODES)
    known = [code for code in CODES if table[code]]
    # Only a few uninhabited or unlisted places have no number of their own.
    assert len(known) >= len(CODES) - 12


@pytest.mark.parametrize(
    "level, category",
    [
        ("elevated", "suicide"),
        ("urgent", "suicide"),
        ("elevated", "abuse"),
        ("elevated", "harm_to_others"),
    ],
)
def test_the_crisis_panel_names_a_number_for_every_country(member_client, member, level, category):
    event = actions.do_record_risk(
        member, source="journal", level=level, categories={category}, reasons=()
    )
    session = member_client.session
    session[SESSION_KEY] = str(event.pk)
    session.save()
    dialled = 0
    for code in CODES:
        member.country = code
        member.save(update_fields=["country"])
        # The panel shows on every page; the help page is a light one to render.
        panel = panel_of(member_client.get(reverse("safety:help")))
        assert_whole(panel, f"{level} {category} panel for {code}")
        number = load_country(code).emergency.number
        if number:
            assert f"tel:{number}" in html.hrefs(panel), code
            dialled += 1
    # Most countries have an emergency number to dial; the check above must have run.
    assert dialled > len(CODES) // 2


def test_the_help_page_names_a_number_for_every_country(client, db):
    for code in CODES:
        response = client.get(reverse("safety:help"), {"country": code})
        assert response.status_code == 200
        assert_whole(html.main(response), f"help page for {code}")
