"""`reclaim demo` makes a member who can sign in and finds something everywhere."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from reclaim.core.demo import DEMO_PASSWORD, DEMO_USERNAME, make_demo_member
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
