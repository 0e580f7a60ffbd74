"""Today offers the next lesson and at most one tool, never a wall of tiles."""

from __future__ import annotations

from django.urls import reverse

from reclaim.checkins.tests.helpers import posted
from reclaim.learn.actions import do_finish
from reclaim.learn.lessons import all_lessons
from reclaim.testing import html
from reclaim.vault.fields import seal

URL = reverse("progress:today")


def _offers(response) -> list[str]:
    """Which offers the page makes, in order: "lesson" and "suggestion" sections."""
    labelled = html.select(
        html.main(response),
        'section[aria-labelledby="suggestion-heading"], section[aria-labelledby="lesson-heading"]',
    )
    return [str(section["aria-labelledby"]).removesuffix("-heading") for section in labelled]


def _offered_links(response, offer: str) -> list[str]:
    """Where the links in one offer's section go."""
    return html.hrefs(html.one(response, f'section[aria-labelledby="{offer}-heading"]'))


def test_a_new_member_is_offered_the_first_lesson_and_no_tool(member_client):
    response = member_client.get(URL)
    first = min(all_lessons(), key=lambda lesson: lesson.order)
    assert reverse("learn:lesson", args=[first.slug]) in _offered_links(response, "lesson")
    assert _offers(response) == ["lesson"]


def test_after_finishing_a_lesson_the_next_one_is_offered(member_client, member):
    first, second = sorted(all_lessons(), key=lambda lesson: lesson.order)[:2]
    do_finish(member, first)
    response = member_client.get(URL)
    assert reverse("learn:lesson", args=[second.slug]) in _offered_links(response, "lesson")


def test_a_hard_check_in_brings_exactly_one_tool_with_its_reason(member_client):
    member_client.post(reverse("checkins:new"), posted(anxiety="9", anger="8"))
    response = member_client.get(URL)
    assert _offers(response).count("suggestion") == 1
    assert reverse("calm:grounding") in _offered_links(response, "suggestion")
    suggestion = html.one(response, 'section[aria-labelledby="suggestion-heading"]')
    assert "Racing thoughts are the body staying on alert" in html.words(suggestion)


def test_a_steady_day_offers_no_tool(member_client):
    member_client.post(reverse("checkins:new"), posted())
    assert "suggestion" not in _offers(member_client.get(URL))


def test_a_parked_thought_that_is_due_is_mentioned_gently_on_today_and_the_toolkit(
    member_client, member
):
    from datetime import timedelta

    from django.utils import timezone

    from reclaim.toolkit.calm.models import Thought

    for url in (URL, reverse("toolkit:index")):
        assert "ready when you are" not in html.words(member_client.get(url))
    thought = Thought(owner=member, day=timezone.localdate(), due=timezone.now())
    thought.text = "What if it happens again"
    seal(thought)
    thought.save()
    Thought.objects.filter(pk=thought.pk).update(due=timezone.now() - timedelta(minutes=1))
    for url in (URL, reverse("toolkit:index")):
        page = member_client.get(url)
        assert "A thought you parked is ready when you are." in html.words(html.main(page))
        assert "What if it happens again" not in html.words(page)
