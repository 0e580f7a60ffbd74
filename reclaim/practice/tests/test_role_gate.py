"""Practitioners and the operator never open a member page, nor see a member's words.

The member pages are found the way a member finds them: a crawl that signs
in as `member` (with two weeks of their own data, a journal entry in their
words and the display name "Robin") and follows every link, so pages with
the member's own object ids in their address are included, and a page added
later is tested without being named here. Then each of those addresses is
asked for, and each of the member's forms posted to, as the practitioner and
as the operator.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import resolve
from django.utils import timezone

from reclaim.core.demo import demo_seeders
from reclaim.journal.actions import do_create_entry
from reclaim.practice.middleware import staff_may_open
from reclaim.testing.crawl import Site, crawl, url_patterns

# Words only the member wrote: their display name and a line of their journal.
MEMBER_NAME = "Robin"
MEMBER_WORDS = "The kettle sang at dawn and I finally wrote it down"
# Visiting these ends the member's session, which would end the crawl too.
NEVER_GET = frozenset({"core:exit", "core:lock", "account_logout"})


@pytest.fixture
def member_site(member, member_client) -> Site:
    today = timezone.localdate(timezone.now(), member.zone)
    for app, seed in demo_seeders():
        if app != "reclaim.practice":
            seed(member, 14, today)
    do_create_entry(member, {"title": "Morning", "body": MEMBER_WORDS, "tags": ""})
    start = ["/"] + ["/" + p.route for p in url_patterns() if not p.takes_arguments]
    site = crawl(member_client, start, never_get=NEVER_GET, per_name=1)
    assert not site.errors, site.errors
    return site


def _is_member_page(name: str) -> bool:
    namespace = name.rpartition(":")[0]
    return not staff_may_open(name, namespace)


def _member_urls(site: Site) -> dict[str, str]:
    return {name: urls[0] for name, urls in site.pages.items() if urls and _is_member_page(name)}


def _assert_nothing_of_the_members(response, where: str) -> None:
    text = response.content.decode()
    assert MEMBER_NAME not in text, f"{where} shows the member's name"
    assert MEMBER_WORDS not in text, f"{where} shows the member's words"


def _filled(names: dict[str, list[str]]) -> dict[str, str]:
    """A form's fields with the first value the page offers (or some words)."""
    return {field: (values[0] if values else "x") for field, values in names.items()}


def _not_found(answers: Iterable[tuple[str, HttpResponse]]) -> list[str]:
    """What answered other than 404; every answer is checked for the member's words too."""
    wrong = []
    for where, response in answers:
        if response.status_code != 404:
            wrong.append(f"{where} answered {response.status_code}")
        _assert_nothing_of_the_members(response, where)
    return wrong


@pytest.mark.parametrize("who", ["practitioner_client", "operator_client"])
def test_every_member_page_is_not_found_for_staff(request, member_site, who):
    client: Client = request.getfixturevalue(who)
    pages = _member_urls(member_site)
    # The crawl really reached the member app: its pages and its objects.
    assert len(pages) > 40, sorted(pages)
    assert {"journal:detail", "checkins:edit", "progress:today"} <= set(pages)
    answers = ((f"{name} ({url})", client.get(url)) for name, url in sorted(pages.items()))
    assert not (wrong := _not_found(answers)), "\n".join(wrong)


@pytest.mark.parametrize("who", ["practitioner_client", "operator_client"])
def test_every_member_form_is_not_found_for_staff(request, member_site, who):
    client: Client = request.getfixturevalue(who)
    forms = {
        name: found[0]
        for name, found in member_site.forms.items()
        if found and name not in NEVER_GET and _is_member_page(name)
    }
    assert "journal:new" in forms
    answers = (
        (f"POST {name} ({form.action})", client.post(form.action, _filled(form.names)))
        for name, form in sorted(forms.items())
    )
    assert not (wrong := _not_found(answers)), "\n".join(wrong)


@pytest.mark.parametrize("who", ["practitioner_client", "operator_client"])
def test_pages_staff_may_open_show_nothing_of_the_members(request, member_site, who):
    client: Client = request.getfixturevalue(who)
    allowed = {n: u[0] for n, u in member_site.pages.items() if u and not _is_member_page(n)}
    assert {"safety:help", "core:privacy"} <= set(allowed)
    for name, url in sorted(allowed.items()):
        response = client.get(url)
        assert response.status_code < 500, f"{name} ({url}) answered {response.status_code}"
        _assert_nothing_of_the_members(response, f"{name} ({url})")


def test_the_member_still_opens_their_own_pages(member_site, member_client):
    response = member_client.get(member_site.pages["journal:detail"][0])
    assert response.status_code == 200
    assert MEMBER_WORDS in response.content.decode()


@pytest.mark.parametrize("who", ["practitioner_client", "operator_client"])
def test_staff_still_reach_sign_in_settings_and_help(db, request, who):
    client: Client = request.getfixturevalue(who)
    for url in ("/account/2fa/", "/account/password/change/", "/help/", "/privacy/"):
        assert client.get(url).status_code == 200, url


def test_a_page_nobody_has_named_yet_is_closed_to_staff():
    assert not staff_may_open("diary:index", "diary")
    assert not staff_may_open("welcome", "")
    assert staff_may_open("operator:audit", "operator")
    assert staff_may_open("account_login", "")


def test_the_not_found_page_is_the_ordinary_one(practitioner_client, member_client):
    gated = practitioner_client.get("/journal/")
    missing = member_client.get("/no-such-page/")
    assert gated.status_code == missing.status_code == 404
    assert b"We could not find that page" in gated.content
    assert resolve("/journal/").view_name == "journal:list"


@pytest.mark.parametrize("who", ["practitioner_client", "operator_client"])
def test_staff_see_the_practices_own_pictures(db, request, who):
    # A cover or photo shows in the practice area too, so staff must be let through to it.
    from reclaim.practice.templatetags.practice_media import media_url
    from reclaim.practice.tests.makers import make_image

    client: Client = request.getfixturevalue(who)
    response = client.get(media_url(make_image(4, 3)))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
