from datetime import UTC, date, datetime, timedelta

from django.utils import timezone

from reclaim.checkins.models import CheckIn
from reclaim.checkins.queries import daily_means, daily_means_of_many, latest_today
from reclaim.vault.crypto import key_cache


def test_several_checkins_in_a_day_become_their_mean(member, make_checkin):
    day = datetime(2026, 3, 3, tzinfo=UTC)
    make_checkin(member, now=day.replace(hour=8), mood=2, anger=8, sleep=3)
    make_checkin(member, now=day.replace(hour=13), mood=5, anger=5, sleep=3)
    make_checkin(member, now=day.replace(hour=20), mood=7, anger=3, sleep=3)
    means = daily_means(member, date(2026, 3, 1), date(2026, 3, 31))
    assert means == {
        date(2026, 3, 3): {
            "mood": 4.7,
            "anger": 5.3,
            "anxiety": 4.0,
            "sleep": 3.0,
            "self_worth": 6.0,
        }
    }


def test_a_scale_not_rated_counts_nowhere_in_the_days_mean(member, make_checkin):
    day = datetime(2026, 3, 3, tzinfo=UTC)
    make_checkin(member, now=day.replace(hour=8), mood=2, sleep=None)
    make_checkin(member, now=day.replace(hour=20), mood=None, sleep=None)
    means = daily_means(member, date(2026, 3, 3), date(2026, 3, 3))
    # Mood is the one number given, not (2 + nothing) / 2; sleep was rated
    # by neither, so the day has no sleep at all (a gap), never a 5 or a 0.
    assert means[date(2026, 3, 3)] == {
        "mood": 2.0,
        "anger": 3.0,
        "anxiety": 4.0,
        "sleep": None,
        "self_worth": 6.0,
    }


def test_means_round_half_up_to_one_decimal(member, make_checkin):
    day = datetime(2026, 3, 3, tzinfo=UTC)
    for hour, mood in ((7, 6), (9, 6), (12, 6), (20, 7)):
        make_checkin(member, now=day.replace(hour=hour), mood=mood)
    assert daily_means(member, date(2026, 3, 3), date(2026, 3, 3))[date(2026, 3, 3)]["mood"] == 6.3


def test_days_are_the_members_own_across_their_midnight(member, make_checkin):
    member.timezone = "America/Los_Angeles"
    member.save()
    # 23:30 on 2 March and 00:30 on 3 March in Los Angeles (UTC-8): one hour
    # apart, two different days, though both fall on 3 March in UTC.
    make_checkin(member, now=datetime(2026, 3, 3, 7, 30, tzinfo=UTC), mood=2)
    make_checkin(member, now=datetime(2026, 3, 3, 8, 30, tzinfo=UTC), mood=8)
    # 20:00 on 3 March in Los Angeles is 04:00 on 4 March in UTC.
    make_checkin(member, now=datetime(2026, 3, 4, 4, 0, tzinfo=UTC), mood=6)
    means = daily_means(member, date(2026, 3, 1), date(2026, 3, 31))
    assert {day: values["mood"] for day, values in means.items()} == {
        date(2026, 3, 2): 2.0,
        date(2026, 3, 3): 7.0,
    }


def test_the_range_includes_both_ends_and_nothing_outside(member, make_checkin):
    for day in (1, 2, 3, 4):
        make_checkin(member, now=datetime(2026, 3, day, 12, tzinfo=UTC))
    assert sorted(daily_means(member, date(2026, 3, 2), date(2026, 3, 3))) == [
        date(2026, 3, 2),
        date(2026, 3, 3),
    ]


def test_means_are_only_the_members_own(member, other_member, make_checkin):
    make_checkin(other_member, now=datetime(2026, 3, 3, 12, tzinfo=UTC), mood=0)
    make_checkin(member, now=datetime(2026, 3, 3, 12, tzinfo=UTC), mood=10)
    assert daily_means(member, date(2026, 3, 1), date(2026, 3, 31))[date(2026, 3, 3)]["mood"] == 10


def test_means_take_one_query_once_the_members_key_is_open(
    member, make_checkin, django_assert_num_queries
):
    for day in range(1, 29):
        make_checkin(member, now=datetime(2026, 2, day, 12, tzinfo=UTC))
    # As in a request: the first sealed value opened fetches the member's key
    # (one query), and everything after it reuses that key.
    with key_cache():
        with django_assert_num_queries(2):
            assert len(daily_means(member, date(2026, 2, 1), date(2026, 2, 28))) == 28
        with django_assert_num_queries(1):
            assert len(daily_means(member, date(2026, 2, 1), date(2026, 2, 28))) == 28


def test_latest_today_is_the_newest_of_the_members_day(member, other_member, make_checkin):
    assert latest_today(member) is None
    make_checkin(member, now=timezone.now() - timedelta(days=2))
    make_checkin(other_member)
    assert latest_today(member) is None
    first = make_checkin(member, now=timezone.now() - timedelta(seconds=2))
    second = make_checkin(member)
    assert latest_today(member) == second != first
    assert CheckIn.objects.filter(owner=member).count() == 3


def test_means_of_many_members_are_each_members_own_over_their_own_days(
    member, other_member, make_checkin
):
    day = datetime(2026, 3, 3, 12, tzinfo=UTC)
    make_checkin(member, now=day, mood=2)
    make_checkin(member, now=day + timedelta(days=5), mood=9)
    make_checkin(other_member, now=day, mood=7)
    spans = {
        member.pk: (date(2026, 3, 1), date(2026, 3, 4)),
        other_member.pk: (date(2026, 3, 1), date(2026, 3, 31)),
    }
    means = daily_means_of_many(spans)
    # The member's later day falls outside their span; the other's day is theirs alone.
    assert means[member.pk] == daily_means(member, *spans[member.pk])
    assert {day: values["mood"] for day, values in means[member.pk].items()} == {
        date(2026, 3, 3): 2.0
    }
    assert means[other_member.pk][date(2026, 3, 3)]["mood"] == 7.0
    assert daily_means_of_many({}) == {}
