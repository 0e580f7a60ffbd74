"""Only a practitioner with two-factor set up opens any page of the practice area."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from reclaim.practice.models import Article

from .area_makers import article, topic

# Every page of the area: its name and whether it needs an article or a topic.
PAGES = [
    ("practice:index", None),
    ("practice:articles", None),
    ("practice:article_new", None),
    ("practice:article_edit", "article"),
    ("practice:article_delete", "article"),
    ("practice:categories", None),
    ("practice:category_edit", "topic"),
    ("practice:category_delete", "topic"),
    ("practice:profile", None),
]
POST_ONLY = [("practice:preview", None), ("practice:article_unpublish", "article")]


@pytest.fixture
def things(practitioner):
    return {"article": article(practitioner, publish=True), "topic": topic(practitioner)}


def _url(name: str, needs: str | None, things) -> str:
    return reverse(name, args=[things[needs].pk] if needs else [])


@pytest.mark.parametrize(("name", "needs"), PAGES)
def test_it_opens_for_a_practitioner(practitioner_client, things, name, needs):
    assert practitioner_client.get(_url(name, needs, things)).status_code == 200


@pytest.mark.parametrize(("name", "needs"), PAGES + POST_ONLY)
def test_members_get_not_found(member_client, other_client, things, name, needs):
    url = _url(name, needs, things)
    for client in (member_client, other_client):
        assert client.get(url).status_code == 404
        assert client.post(url, {"title": "Mine now", "body": "x", "name": "x"}).status_code == 404
    assert Article.objects.get().title == "The first weeks"


@pytest.mark.parametrize(("name", "needs"), PAGES + POST_ONLY)
def test_signed_out_visitors_are_sent_to_sign_in(client, things, name, needs):
    url = _url(name, needs, things)
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    assert client.post(url)["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "needs"), PAGES)
def test_a_practitioner_without_two_factor_is_sent_to_set_it_up(practitioner, things, name, needs):
    Authenticator.objects.filter(user=practitioner).delete()
    client = Client()
    client.force_login(practitioner)
    response = client.get(_url(name, needs, things))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_the_operator_does_not_get_in_either(operator_client, things):
    assert operator_client.get(reverse("practice:index")).status_code == 404


@pytest.mark.parametrize(("name", "needs"), PAGES)
def test_no_area_page_is_kept_by_the_browser(practitioner_client, things, name, needs):
    response = practitioner_client.get(_url(name, needs, things))
    assert "no-store" in response["Cache-Control"]
