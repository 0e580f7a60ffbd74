from datetime import UTC, datetime
from urllib.parse import urlparse

import pytest
from django.urls import reverse

URL = reverse("checkins:history")


def test_it_sends_anonymous_visitors_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")


def test_it_shows_only_the_members_own_checkins(other_client, checkin):
    html = other_client.get(URL).content.decode()
    assert str(checkin.pk) not in html
    assert "Nothing here yet" in html


def test_it_lists_checkins_newest_first_with_links_to_edit(member, member_client, make_checkin):
    older = make_checkin(member, now=datetime(2026, 3, 1, 9, 0, tzinfo=UTC), mood=2)
    newer = make_checkin(member, now=datetime(2026, 3, 2, 9, 0, tzinfo=UTC), mood=8)
    html = member_client.get(URL).content.decode()
    assert html.index(reverse("checkins:edit", args=[newer.pk])) < html.index(
        reverse("checkins:edit", args=[older.pk])
    )
    assert "Monday 2 March 2026" in html


def test_it_shows_the_time_in_the_members_zone(member, member_client, make_checkin):
    member.timezone = "Pacific/Auckland"
    member.save()
    # 11:30 UTC on 1 March is 00:30 on 2 March in Auckland.
    make_checkin(member, now=datetime(2026, 3, 1, 11, 30, tzinfo=UTC))
    html = member_client.get(URL).content.decode()
    assert "Monday 2 March 2026" in html
    assert "00:30" in html


def test_it_shows_thirty_a_page(member, member_client, make_checkin):
    for day in range(1, 32):
        make_checkin(member, now=datetime(2026, 1, day, 9, 0, tzinfo=UTC))
    first = member_client.get(URL).content.decode()
    assert first.count(">Mood ") == 30
    assert "Page 1 of 2" in first
    second = member_client.get(URL + "?page=2").content.decode()
    assert second.count(">Mood ") == 1
    assert "Thursday 1 January 2026" in second


@pytest.mark.parametrize("count", [1, 60])
def test_it_needs_a_bounded_number_of_queries(
    member_client, member, make_checkin, django_assert_max_num_queries, count
):
    for index in range(count):
        make_checkin(member, triggers=["Bedtime", f"own {index % 5}"], note="A note.")
    # The first request of a session records it; the count is of the next.
    # Of the twelve, up to seven are the framework's (session, user, the
    # user-session record); the page's own are three.
    member_client.get(URL)
    with django_assert_max_num_queries(12):
        assert member_client.get(URL).status_code == 200
