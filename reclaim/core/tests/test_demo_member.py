"""`reclaim demo` makes a member who can sign in and finds something everywhere."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reclaim.core.demo import DEMO_PASSWORD, DEMO_USERNAME, demo_seeders, make_demo_member
from reclaim.toolkit.registry import TOOLS


def test_the_demo_member_signs_in_and_every_page_of_the_app_opens(db):
    assert make_demo_member(days=14) == (DEMO_USERNAME, DEMO_PASSWORD)
    client = Client()
    assert client.login(username=DEMO_USERNAME, password=DEMO_PASSWORD)
    today = client.get(reverse("progress:today")).content.decode()
    assert "Sam" in today
    for url_name in ("toolkit:index", "learn:index", *(tool.index for tool in TOOLS)):
        assert client.get(reverse(url_name)).status_code == 200, url_name


def test_running_it_twice_keeps_one_demo_member(db, django_user_model):
    make_demo_member(days=3)
    make_demo_member(days=3)
    assert django_user_model.objects.filter(username=DEMO_USERNAME).count() == 1


def test_the_demo_asks_every_app_with_a_history_in_the_order_of_installed_apps():
    names = [name for name, _ in demo_seeders()]
    assert names == [
        "reclaim.checkins",
        "reclaim.assessments",
        "reclaim.journal",
        "reclaim.learn",
        "reclaim.practice",
        *(tool.app for tool in TOOLS),
    ]


def test_the_demo_member_has_a_history_from_each_app(db):
    from reclaim.assessments.queries import results_for
    from reclaim.checkins.queries import daily_means
    from reclaim.journal.queries import entries_of
    from reclaim.learn.queries import FINISHED, program

    make_demo_member(days=14)
    demo = get_user_model().objects.get(username=DEMO_USERNAME)
    today = timezone.localdate(timezone.now(), demo.zone)
    assert daily_means(demo, today - timedelta(days=13), today)
    assert {result.code for result in results_for(demo)} == {"phq9", "gad7", "who5", "pcl5"}
    assert entries_of(demo).exists()
    assert FINISHED in {state.state for state in program(demo)}
