"""Public pages may be kept by a shared cache and set no cookie; everything else stays no-store."""

from __future__ import annotations

import pytest
from django.test import Client

from reclaim.practice.tests.makers import make_article, make_profile, make_topic

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=0, s-maxage=300"


@pytest.fixture
def site(practitioner):
    profile = make_profile(practitioner, "Sam Rivera")
    topic = make_topic("Anger")
    make_article(profile, "Anger after an affair", topics=(topic,))
    return profile


PUBLIC_PATHS = [
    "/",
    "/articles/",
    "/articles/?q=anger",
    "/articles/topic/anger/",
    "/articles/anger-after-an-affair/",
    "/practitioners/sam-rivera/",
    "/articles/feed/",
    "/sitemap.xml",
    "/robots.txt",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_it_lets_a_shared_cache_keep_a_public_page_for_five_minutes(site, path):
    response = Client().get(path)

    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert response.has_header("ETag")
    # Django asks that the sitemap file itself stay out of search results;
    # the pages it lists are what should be found.
    if path != "/sitemap.xml":
        assert "X-Robots-Tag" not in response


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_it_sets_no_cookie_at_all_for_a_visitor_on_a_public_page(site, path):
    assert Client().get(path).cookies == {}


def test_it_answers_a_browser_that_has_the_page_with_not_modified(site):
    first = Client().get("/articles/anger-after-an-affair/")

    again = Client().get("/articles/anger-after-an-affair/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["Cache-Control"] == PUBLIC


def test_it_gives_a_changed_page_a_new_etag(site):
    first = Client().get("/articles/")
    make_article(site, "A new article")

    again = Client().get("/articles/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert "A new article" in again.content.decode()


def test_it_keeps_public_pages_out_of_shared_caches_for_a_signed_in_member(site, member_client):
    response = member_client.get("/articles/")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, max-age=0"


def test_it_keeps_member_pages_no_store_and_noindex(member_client):
    response = member_client.get("/today/")

    assert response["Cache-Control"] == "no-store, max-age=0"
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_it_never_caches_a_page_that_was_not_found(db):
    response = Client().get("/articles/not-there/")

    assert response.status_code == 404
    assert response["Cache-Control"] == "no-store, max-age=0"


def test_it_never_caches_the_sign_in_page_which_sets_a_cookie(db):
    response = Client().get("/account/login/")

    assert response["Cache-Control"] == "no-store, max-age=0"


def test_it_lets_a_visitor_leave_by_quick_exit_without_any_cookie(db):
    response = Client(enforce_csrf_checks=True).post("/exit/")

    assert response.status_code == 303


@pytest.mark.parametrize("path", ["/", "/articles/anger-after-an-affair/"])
def test_it_keeps_a_strict_content_security_policy_with_nothing_per_request(site, path):
    first = Client().get(path)
    second = Client().get(path)

    policy = first["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "nonce-" not in policy and "unsafe-inline" not in policy
    # Byte for byte the same page for every visitor, so a shared cache can hold one copy.
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_it_keeps_a_public_answers_own_longer_caching(rf, db):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from reclaim.core.middleware import PrivacyMiddleware, mark_public

    def image(request):
        response = HttpResponse(b"bytes", content_type="image/png")
        response["Cache-Control"] = "public, max-age=31536000, immutable"
        return mark_public(response)

    request = rf.get("/media/abc.png")
    request.user = AnonymousUser()

    response = PrivacyMiddleware(image)(request)

    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.has_header("ETag")
