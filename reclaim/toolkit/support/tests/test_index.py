"""The support page: ways to find support, with nothing external and nothing dead linked."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils import timezone

from reclaim.practice.tests.consult_makers import offer
from reclaim.testing import html
from reclaim.toolkit.support.demo import seed

URL = reverse("support:index")


def _main(client):
    return html.main(client.get(URL))


def test_it_offers_groups_therapy_reading_and_safe_people(member_client):
    main = _main(member_client)
    for heading in ("Peer support groups", "Therapy", "Reading and courses", "People in your life"):
        html.section(main, heading)
    text = html.words(main)
    assert "What a safe group feels like" in text
    assert 'What "betrayal-trauma-informed" means' in text
    assert "Questions you could ask in a first call" in text
    assert "If money is tight" in text
    assert "Could you just listen?" in text


def test_crisis_lines_are_one_tap_away_at_the_top(member_client):
    main = _main(member_client)
    crisis = [
        link for link in html.select(main, "a[href]") if link["href"] == reverse("safety:help")
    ]
    assert [html.words(link) for link in crisis] == ["crisis lines for your country"]
    first_heading = html.section(main, "Peer support groups").find("h2")
    assert crisis[0] in first_heading.find_all_previous("a")


def test_every_link_stays_inside_the_app_and_nothing_is_embedded_from_elsewhere(member_client):
    page = html.page(member_client.get(URL))
    hrefs = html.hrefs(page) + [str(link["href"]) for link in html.select(page, "link[href]")]
    assert hrefs, "the page has links"
    outside = [h for h in hrefs if re.match(r"(?i)^(https?:)?//", h)]
    assert outside == []
    assert html.select(page, "iframe, object, embed") == []
    sources = [str(element["src"]) for element in html.select(page, "[src]")]
    assert [src for src in sources if not src.startswith("/")] == []


def test_while_the_practice_offers_nothing_nothing_about_its_offers_is_shown(member_client):
    text = html.words(_main(member_client))
    assert "From your practice" not in text
    assert "webinar" not in text


def test_once_the_practice_offers_consultations_the_page_links_them(member_client, practitioner):
    offer(practitioner)
    practice = html.section(_main(member_client), "From your practice")
    assert "Your practitioner's free webinar and first consultation are here" in html.words(
        practice
    )
    assert html.links(practice) == [
        ("See the free webinar and first consultation", "/consultation/")
    ]


def test_its_demo_seed_creates_nothing_and_does_not_fail(member):
    tables_before = {m: m.objects.count() for m in _all_models()}
    seed(member, 365, timezone.localdate())
    assert {m: m.objects.count() for m in _all_models()} == tables_before


def _all_models():
    from django.apps import apps

    return [m for m in apps.get_models() if not m._meta.proxy]
