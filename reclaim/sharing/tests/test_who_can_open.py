"""Nobody else reaches a member's sharing: other members, other practitioners, members in the practice area."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from conftest import _make_user, _with_totp
from reclaim.testing.html import words

from .makers import ENTRY_WORDS, PLAN_LINE, connect, member_data, switch


@pytest.fixture
def everything_shared(member, practitioner):
    data = member_data(member)
    connection = connect(member, practitioner)
    switch(connection, results=["phq9", "gad7"], answers=["phq9"], trends=True, safety_plan=True)
    from reclaim.sharing.actions import do_share_entry

    do_share_entry(connection, data["entry"].pk)
    return {"connection": connection, **data}


@pytest.fixture
def stranger_client(db, django_user_model) -> Client:
    """A practitioner with two-factor whom the member never connected to."""
    stranger = _with_totp(
        _make_user(django_user_model, "stranger", role="practitioner", onboarded=None)
    )
    client = Client()
    client.force_login(stranger)
    return client


def _practice_urls(connection) -> list[str]:
    return [
        reverse("practice:client", args=[connection.pk]),
        reverse("practice:client", args=[uuid.uuid4()]),
        reverse("practice:client_pdf", args=[connection.pk]),
        reverse("practice:client_pdf", args=[uuid.uuid4()]),
    ]


def _member_urls(connection, entry) -> list[str]:
    return [
        reverse("sharing:connection", args=[connection.pk]),
        reverse("sharing:disconnect", args=[connection.pk]),
        reverse("sharing:entry", args=[entry.pk]),
    ]


def test_an_unconnected_practitioner_gets_404_on_every_client_url(
    everything_shared, stranger_client
):
    for url in _practice_urls(everything_shared["connection"]):
        response = stranger_client.get(url)
        assert response.status_code == 404, url
    listing = words(stranger_client.get(reverse("practice:clients")))
    assert "R." not in listing and "No clients connected yet." in listing


def test_an_unconnected_practitioner_leaves_no_look_in_the_members_log(
    everything_shared, stranger_client
):
    for url in _practice_urls(everything_shared["connection"]):
        stranger_client.get(url)
    assert not everything_shared["connection"].looks.exists()


def test_another_member_gets_404_on_the_members_sharing_urls(everything_shared, other_client):
    for url in _member_urls(everything_shared["connection"], everything_shared["entry"]):
        assert other_client.get(url).status_code == 404, url
        assert other_client.post(url, {"share": "off", "trends": "on"}).status_code == 404, url
    # Nothing changed through those posts.
    assert everything_shared["connection"].grants.count() == 6
    assert everything_shared["connection"].ended is None


def test_another_member_cannot_share_an_entry_on_someone_elses_connection(
    everything_shared, other_member, other_client
):
    from reclaim.journal.actions import do_create_entry

    theirs = do_create_entry(other_member, {"title": "Mine", "body": "Mine alone", "tags": ""})
    other_client.post(
        reverse("sharing:entry", args=[theirs.pk]),
        {"connection": str(everything_shared["connection"].pk), "share": "on"},
    )
    assert not everything_shared["connection"].grants.filter(key=str(theirs.pk)).exists()


def test_members_get_404_on_the_practice_client_pages(everything_shared, member_client):
    for url in [reverse("practice:clients"), *_practice_urls(everything_shared["connection"])]:
        assert member_client.get(url).status_code == 404, url


def test_practitioners_get_404_on_the_members_sharing_pages(everything_shared, practitioner_client):
    urls = [reverse("sharing:index")] + _member_urls(
        everything_shared["connection"], everything_shared["entry"]
    )
    for url in urls:
        response = practitioner_client.get(url)
        assert response.status_code == 404, url
        assert PLAN_LINE not in response.content.decode()
        assert ENTRY_WORDS not in response.content.decode()
