"""The public consultation pages: who to talk to, free times in the visitor's zone, the home page."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from reclaim.practice.queries import consultations as queries

from .consult_makers import booked, first_free, offer


@pytest.fixture
def offering(practitioner):
    return offer(practitioner, zone="Europe/London")


def test_with_one_practitioner_the_visitor_goes_straight_to_the_times(offering, client):
    response = client.get(reverse("site:consultation"))
    assert response["Location"] == reverse("site:consultation_times", args=["sam-rivera"])


def test_with_two_the_visitor_chooses(offering, client):
    other = get_user_model().objects.create_user("second", role="practitioner")
    offer(other, name="Ada Okafor")
    page = client.get(reverse("site:consultation")).content.decode()
    assert "Sam Rivera" in page and "Ada Okafor" in page


def test_without_anyone_offering_the_page_says_so_kindly(db, client):
    page = client.get(reverse("site:consultation")).content.decode()
    assert "no free times to book just now" in page


def test_times_are_shown_in_the_practitioners_zone_until_the_visitor_chooses(offering, client):
    url = reverse("site:consultation_times", args=["sam-rivera"])
    page = client.get(url).content.decode()
    assert "Times are shown in <strong>London time (Europe/London)</strong>" in page
    assert "practice/zone.js" in page
    chosen = client.get(url, {"zone": "America/New_York"}).content.decode()
    assert "New York time (America/New_York)" in chosen
    start = first_free(offering)
    label = f"{start.astimezone(queries.zone_or_utc('America/New_York')):%H:%M}"
    assert f"start={queries.slot_value(start)}" in chosen
    assert label in chosen


def test_an_unknown_zone_falls_back_without_an_error(offering, client):
    url = reverse("site:consultation_times", args=["sam-rivera"])
    page = client.get(url, {"zone": "Mars/Olympus"}).content.decode()
    assert "London time (Europe/London)" in page


def test_the_times_page_sets_no_cookie_and_may_be_shared(offering, client):
    response = client.get(reverse("site:consultation_times", args=["sam-rivera"]))
    assert not response.cookies
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_booked_time_is_not_offered(offering, client):
    taken = booked(offering, first_free(offering))
    page = client.get(reverse("site:consultation_times", args=["sam-rivera"])).content.decode()
    assert queries.slot_value(taken.start) not in page


def test_an_unlisted_practitioner_has_no_booking_page(offering, client):
    offering.practitioner_profile.listed = False
    offering.practitioner_profile.save()
    assert client.get(reverse("site:consultation_times", args=["sam-rivera"])).status_code == 404


def test_the_visitors_own_page_is_private_and_offers_the_calendar_file(offering, client):
    made = booked(offering, first_free(offering), zone="Asia/Kolkata")
    token = queries.link(queries.MANAGE_PURPOSE, made)
    page = client.get(reverse("site:consultation_booking", args=[token]))
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert token not in page.content.decode().split('<link rel="canonical"')[1][:200]
    assert "Kolkata time" in page.content.decode()
    ics = client.get(reverse("site:consultation_calendar", args=[token]))
    assert ics["Content-Type"].startswith("text/calendar")
    assert 'filename="invite.ics"' in ics["Content-Disposition"]


def test_a_tampered_link_is_refused_kindly(offering, client):
    response = client.get(reverse("site:consultation_booking", args=["not-a-real-link"]))
    assert response.status_code == 410
    assert "nothing you did wrong" in response.content.decode()


def test_the_home_page_offers_the_next_free_time(offering, client):
    page = client.get(reverse("core:home")).content.decode()
    assert "Free first consultation" in page
    assert "The next free time is" in page
    assert reverse("site:consultation") in page


def test_the_home_page_says_nothing_of_consultations_when_none_are_offered(db, client):
    assert "Free first consultation" not in client.get(reverse("core:home")).content.decode()
