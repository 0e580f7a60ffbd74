"""The room link is for confirmed registrants only: never on a public page, the feed or the sitemap."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from reclaim.practice.queries.webinars import place_token

from . import webinar_makers as make


@pytest.fixture
def found(practitioner):
    return make.webinar(practitioner)


@pytest.mark.parametrize(
    "path",
    [
        lambda w: reverse("core:home"),
        lambda w: reverse("site:webinars"),
        lambda w: reverse("site:webinar", args=[w.slug]),
        lambda w: reverse("site:webinar_check_email", args=[w.slug]),
        lambda w: reverse("site:feed"),
        lambda w: reverse("site:sitemap"),
    ],
)
def test_it_never_shows_the_room_link_on_a_public_page(found, path):
    page = Client().get(path(found))
    assert page.status_code == 200
    assert make.ROOM not in page.content.decode()


def test_it_shows_the_next_webinar_on_the_home_page(found):
    text = Client().get(reverse("core:home")).content.decode()
    assert "A free webinar" in text
    assert f"<strong>{found.title}</strong>" in text
    assert "Save your place" in text


def test_it_lists_the_webinar_in_the_sitemap(found):
    text = Client().get(reverse("site:sitemap")).content.decode()
    assert reverse("site:webinar", args=[found.slug]) in text


def test_it_keeps_the_room_link_from_a_registrant_still_waiting_to_confirm(found):
    pending = make.registered(found)
    page = Client().get(reverse("site:webinar_place", args=[found.slug, place_token(pending)]))
    assert make.ROOM not in page.content.decode()
