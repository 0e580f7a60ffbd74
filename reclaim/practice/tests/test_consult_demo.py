"""`reclaim demo` gives the demo practitioner hours, settings and two bookings."""

from __future__ import annotations

from reclaim.practice.demo import make_demo_practice
from reclaim.practice.models import Booking
from reclaim.practice.queries import consultations as queries


def test_the_demo_practice_offers_consultations_with_free_times_and_two_bookings(db):
    make_demo_practice()
    people = queries.offering_practitioners()
    assert [p.slug for p in people] == [people[0].slug]
    assert queries.free_slots_for(people[0].user)
    shown = queries.bookings_for_practice(people[0].user).upcoming
    assert len(shown) == 2
    assert shown[0].intake[0]["answer"]


def test_seeding_twice_adds_nothing(db):
    make_demo_practice()
    make_demo_practice()
    assert Booking.objects.count() == 2
