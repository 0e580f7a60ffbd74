from datetime import timedelta

from django.urls import reverse

from reclaim.toolkit.writing import today_for

from .conftest import never_shames

URL = reverse("selfcare:index")


def test_without_a_plan_it_invites_to_make_one(member_client):
    page = member_client.get(URL).content.decode()
    assert "Make your plan" in page
    assert "Rest counts too. Whenever you are ready, one small thing is enough." in page
    assert "<title>Tools" in page
    never_shames(page)


def test_each_planned_activity_has_one_button(member_client, walk, tomatoes):
    page = member_client.get(URL).content.decode()
    assert "Go for a short walk" in page
    assert "Water the tomatoes" in page
    assert page.count(">I did this today<") == 2
    assert reverse("selfcare:log", args=[walk.pk]) in page
    assert reverse("selfcare:log", args=[tomatoes.pk]) in page


def test_after_a_tap_the_button_offers_to_count_it_again(member_client, member, walk, did):
    did(member, walk, today_for(member))
    page = member_client.get(URL).content.decode()
    assert "done today" in page
    assert ">I did it again<" in page
    assert ">I did this today<" not in page


def test_this_week_celebrates_what_was_done(member_client, member, walk, did):
    today = today_for(member)
    did(member, walk, today)
    page = member_client.get(URL).content.decode()
    assert "This week you made time for: a walk." in page


def test_the_weeks_before_are_kind_whether_full_or_quiet(member_client, member, walk, did):
    today = today_for(member)
    did(member, walk, today - timedelta(weeks=2))
    page = member_client.get(URL).content.decode()
    before = page.split("The weeks before")[1]
    assert before.count("Week of ") == 3
    assert "That week you made time for: a walk." in before
    assert before.count("Rest counts too.") == 2
    never_shames(page)
