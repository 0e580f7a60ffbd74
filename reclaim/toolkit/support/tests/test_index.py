"""The support page: ways to find support, with nothing external and nothing dead linked."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from reclaim.toolkit.support.demo import seed

URL = reverse("support:index")


def _main(client) -> str:
    html = client.get(URL).content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_it_offers_groups_therapy_reading_and_safe_people(member_client):
    main = _main(member_client)
    for heading in ("Peer support groups", "Therapy", "Reading and courses", "People in your life"):
        assert f">{heading}</h2>" in main
    assert "What a safe group feels like" in main
    assert 'What "betrayal-trauma-informed" means' in main
    assert "Questions you could ask in a first call" in main
    assert "If money is tight" in main
    assert "Could you just listen?" in main


def test_crisis_lines_are_one_tap_away_at_the_top(member_client):
    main = _main(member_client)
    assert main.index(f'href="{reverse("safety:help")}"') < main.index('id="groups"')


def test_every_link_stays_inside_the_app_and_nothing_is_embedded_from_elsewhere(member_client):
    html = member_client.get(URL).content.decode()
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs, "the page has links"
    outside = [h for h in hrefs if re.match(r"(?i)^(https?:)?//", h)]
    assert outside == []
    assert "<iframe" not in html.lower()
    for src in re.findall(r'<script[^>]*\ssrc="([^"]*)"', html, re.I):
        assert src.startswith("/"), src
    assert not re.search(r'(?i)src="(https?:)?//', html)


def test_without_the_practice_area_nothing_about_its_offers_is_shown(member_client):
    main = _main(member_client)
    assert "From your practice" not in main
    assert "webinar" not in main


@pytest.mark.urls("reclaim.toolkit.support.tests.urls_with_practice")
def test_once_the_practice_offers_consultations_the_page_links_them(member_client):
    main = _main(member_client)
    assert "From your practice" in main
    assert "Your practitioner's free webinar and first consultation are here" in main.replace(
        "&#x27;", "'"
    )
    assert 'href="/practice/consultations/"' in main


def test_its_demo_seed_creates_nothing_and_does_not_fail(member):
    tables_before = {m: m.objects.count() for m in _all_models()}
    seed(member, 365, timezone.localdate())
    assert {m: m.objects.count() for m in _all_models()} == tables_before


def _all_models():
    from django.apps import apps

    return [m for m in apps.get_models() if not m._meta.proxy]
