from datetime import UTC, date, datetime, timedelta

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.selfcare import actions
from reclaim.toolkit.selfcare.models import Activity
from reclaim.toolkit.writing import today_for
from reclaim.vault.fields import open_rows

from .conftest import never_shames

KIND = "Rest counts too. Whenever you are ready, one small thing is enough."


def _week(client, start: date) -> str:
    return client.get(reverse("selfcare:week_of", args=[start.isoformat()])).content.decode()


def test_an_empty_week_says_something_kind(member_client, walk):
    page = _week(member_client, date(2026, 2, 2))
    assert KIND in page
    assert "Week of 2 February 2026" in page
    never_shames(page)


def test_a_full_week_celebrates_everything_with_how_often(member_client, member, walk, did):
    actions.do_choose_suggestions(member, ["body-walk", "connect-call"])
    call = next(
        a for a in open_rows(Activity.objects.filter(owner=member)) if a.code == "connect-call"
    )
    monday = date(2026, 2, 9)
    for offset in range(7):
        did(member, walk if offset % 2 == 0 else call, monday + timedelta(days=offset))
    page = _week(member_client, monday)
    main = html.main(page)
    # Seen as "×4"; a screen reader skips that and reads "4 times" instead.
    for hidden in html.select(main, '[aria-hidden="true"]'):
        hidden.decompose()
    assert "That week you made time for: a walk 4 times, calling a friend 3 times" in html.words(
        main
    )
    assert KIND not in page
    for offset in range(7):
        assert (monday + timedelta(days=offset)).strftime("%A %-d %B") in page
    never_shames(page)


def test_only_days_with_something_are_listed(member_client, member, walk, did):
    monday = date(2026, 2, 9)
    did(member, walk, monday + timedelta(days=2), "With the dog.")
    main = html.main(_week(member_client, monday))
    days = [html.words(day) for day in html.select(main, "h2")]
    assert "Wednesday 11 February" in days
    assert "Monday 9 February" not in days
    assert "Tuesday 10 February" not in days
    assert "With the dog." in html.words(main)


def test_a_week_follows_the_members_time_zone_across_midnight(member_client, member, walk):
    member.timezone = "Pacific/Auckland"
    member.save()
    # Sunday 1 March 12:30 UTC is Monday 2 March 01:30 in Auckland: the next week there.
    actions.do_log(member, walk, "Sunrise walk", now=datetime(2026, 3, 1, 12, 30, tzinfo=UTC))
    later = _week(member_client, date(2026, 3, 2))
    assert "That week you made time for: a walk." in later
    assert "Monday 2 March" in later
    earlier = _week(member_client, date(2026, 2, 23))
    assert KIND in earlier
    assert "Sunrise walk" not in earlier


def test_any_day_opens_its_whole_week(member_client, member, walk, did):
    did(member, walk, date(2026, 2, 9))
    page = _week(member_client, date(2026, 2, 12))
    assert "Week of 9 February 2026" in page
    assert "a walk" in page


def test_weeks_can_be_walked_back_and_forth(member_client, member):
    this = today_for(member) - timedelta(days=today_for(member).weekday())
    page = member_client.get(reverse("selfcare:week")).content.decode()
    assert html.words(html.one(html.main(page), "h1")) == "This week"
    assert reverse("selfcare:week_of", args=[(this - timedelta(weeks=1)).isoformat()]) in page
    assert "Later week" not in page
    before = _week(member_client, this - timedelta(weeks=1))
    assert "Later week" in before
    assert ("Later week", reverse("selfcare:week")) in html.links(html.main(before))


def test_a_future_or_broken_week_is_not_found(member_client, member):
    later = today_for(member) + timedelta(days=8)
    assert (
        member_client.get(reverse("selfcare:week_of", args=[later.isoformat()])).status_code == 404
    )
    assert member_client.get(reverse("selfcare:week_of", args=["soon"])).status_code == 404
