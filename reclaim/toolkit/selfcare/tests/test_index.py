from datetime import timedelta

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.writing import today_for

from .conftest import never_shames

URL = reverse("selfcare:index")


def test_without_a_plan_it_invites_to_make_one(member_client):
    response = member_client.get(URL)
    main = html.main(response)
    assert ("Make your plan", reverse("selfcare:plan")) in html.links(main)
    assert "Rest counts too. Whenever you are ready, one small thing is enough." in html.words(main)
    assert html.title(response).startswith("Tools")
    never_shames(html.words(response))


def _activities(main) -> dict[str, tuple[str, list[str]]]:
    """Each planned activity's words, with where its form sends a tap and its buttons."""
    return {
        html.words(html.one(item, "strong")): (
            str(html.one(item, "form")["action"]),
            html.buttons(item),
        )
        for item in html.select(html.section(main, "Today"), "li")
    }


def test_each_planned_activity_has_one_button(member_client, walk, tomatoes):
    main = html.main(member_client.get(URL))
    assert _activities(main) == {
        walk.label: (
            reverse("selfcare:log", args=[walk.pk]),
            [f"I did this today: {walk.label}"],
        ),
        tomatoes.label: (
            reverse("selfcare:log", args=[tomatoes.pk]),
            [f"I did this today: {tomatoes.label}"],
        ),
    }
    assert {"Go for a short walk", "Water the tomatoes"} <= set(_activities(main))


def test_after_a_tap_the_button_offers_to_count_it_again(member_client, member, walk, did):
    did(member, walk, today_for(member))
    main = html.main(member_client.get(URL))
    item = html.one(main, f"#activity-{walk.pk}")
    assert "done today" in html.words(item)
    assert html.buttons(item) == [f"I did it again: {walk.label}"]


def test_this_week_celebrates_what_was_done(member_client, member, walk, did):
    today = today_for(member)
    did(member, walk, today)
    week = html.section(html.main(member_client.get(URL)), "This week")
    assert "This week you made time for: a walk." in html.words(week)


def test_the_weeks_before_are_kind_whether_full_or_quiet(member_client, member, walk, did):
    today = today_for(member)
    did(member, walk, today - timedelta(weeks=2))
    response = member_client.get(URL)
    weeks = [
        html.words(week) for week in html.select(html.section(response, "The weeks before"), "li")
    ]
    assert len(weeks) == 3 and all(week.startswith("Week of ") for week in weeks)
    assert "That week you made time for: a walk." in weeks[1]
    assert sum("Rest counts too." in week for week in weeks) == 2
    never_shames(html.words(response))
