"""Today offers the next lesson and at most one tool, never a wall of tiles."""

from __future__ import annotations

import re

from django.urls import reverse

from reclaim.checkins.tests.helpers import posted
from reclaim.learn.actions import do_finish
from reclaim.learn.lessons import all_lessons
from reclaim.vault.fields import seal

URL = reverse("progress:today")


def _offers(html: str) -> list[str]:
    return re.findall(r'<section class="card" aria-labelledby="(suggestion|lesson)-heading">', html)


def test_a_new_member_is_offered_the_first_lesson_and_no_tool(member_client):
    html = member_client.get(URL).content.decode()
    first = min(all_lessons(), key=lambda lesson: lesson.order)
    assert f'href="{reverse("learn:lesson", args=[first.slug])}"' in html
    assert _offers(html) == ["lesson"]


def test_after_finishing_a_lesson_the_next_one_is_offered(member_client, member):
    first, second = sorted(all_lessons(), key=lambda lesson: lesson.order)[:2]
    do_finish(member, first)
    html = member_client.get(URL).content.decode()
    assert f'href="{reverse("learn:lesson", args=[second.slug])}"' in html


def test_a_hard_check_in_brings_exactly_one_tool_with_its_reason(member_client):
    member_client.post(reverse("checkins:new"), posted(anxiety="9", anger="8"))
    html = member_client.get(URL).content.decode()
    assert _offers(html).count("suggestion") == 1
    assert f'href="{reverse("calm:grounding")}"' in html
    assert "Racing thoughts are the body staying on alert" in html


def test_a_steady_day_offers_no_tool(member_client):
    member_client.post(reverse("checkins:new"), posted())
    assert "suggestion" not in _offers(member_client.get(URL).content.decode())


def test_a_parked_thought_that_is_due_is_mentioned_gently_on_today_and_the_toolkit(
    member_client, member
):
    from datetime import timedelta

    from django.utils import timezone

    from reclaim.toolkit.calm.models import Thought

    for url in (URL, reverse("toolkit:index")):
        assert "ready when you are" not in member_client.get(url).content.decode()
    thought = Thought(owner=member, day=timezone.localdate(), due=timezone.now())
    thought.text = "What if it happens again"
    seal(thought)
    thought.save()
    Thought.objects.filter(pk=thought.pk).update(due=timezone.now() - timedelta(minutes=1))
    for url in (URL, reverse("toolkit:index")):
        html = member_client.get(url).content.decode()
        assert "A thought you parked is ready when you are." in html
        assert "What if it happens again" not in html
