"""Toolkit entries are shared one by one, like journal entries, and only the member's own."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from conftest import _make_user, _with_totp
from reclaim.journal.actions import do_create_entry, do_delete_entry
from reclaim.sharing.actions import do_share_entry
from reclaim.sharing.models import Grant, Look
from reclaim.sharing.tasks import forget_deleted_entries
from reclaim.testing.html import words
from reclaim.toolkit.boundaries.actions import do_create_boundary, do_delete_boundary
from reclaim.toolkit.compassion.actions import do_save_break
from reclaim.toolkit.values.actions import do_save_sort

from .makers import connect, switch

BEHAVIOUR = "you read my messages without asking"
NEED = "my phone to be mine"
KINDNESS = "You are doing the best you can with a heavy heart"
VALUE_WORDS = "Saying what I mean, even when my voice shakes"
PRIVATE_KINDNESS = "A kind word I keep for myself alone"


@pytest.fixture
def tools(member, practitioner):
    """A connected member with a boundary, a values sort and two breaks; nothing shared yet."""
    boundary, _ = do_create_boundary(member, {"behaviour": BEHAVIOUR, "need": NEED, "action": ""})
    sort, _ = do_save_sort(member, ["honesty"], {"honesty": VALUE_WORDS})
    kind, _ = do_save_break(member, {"kindness": KINDNESS})
    private, _ = do_save_break(member, {"kindness": PRIVATE_KINDNESS})
    return {
        "connection": connect(member, practitioner),
        "boundary": boundary,
        "sort": sort,
        "break": kind,
        "private": private,
    }


def _share_page(module: str, row) -> str:
    return reverse("sharing:tool_entry", args=[module, row.pk])


def _share(client: Client, module: str, row, connection, on: bool = True) -> None:
    response = client.post(
        _share_page(module, row), {"connection": str(connection.pk), "share": "on" if on else "off"}
    )
    assert response.status_code == 302


def _client_page(practitioner_client, connection):
    response = practitioner_client.get(reverse("practice:client", args=[connection.pk]))
    assert response.status_code == 200
    return words(response)


@pytest.fixture
def stranger_client(db, django_user_model) -> Client:
    """A practitioner with two-factor whom the member never connected to."""
    stranger = _with_totp(
        _make_user(django_user_model, "stranger", role="practitioner", onboarded=None)
    )
    client = Client()
    client.force_login(stranger)
    return client


def test_a_shared_toolkit_entry_shows_on_the_client_page_and_nothing_else_does(
    tools, member_client, practitioner_client
):
    connection = tools["connection"]
    page = words(member_client.get(_share_page("boundaries", tools["boundary"])))
    assert "Share with practitioner" in page
    assert f"Boundaries: When {BEHAVIOUR}" in page
    _share(member_client, "boundaries", tools["boundary"], connection)
    _share(member_client, "values", tools["sort"], connection)
    _share(member_client, "compassion", tools["break"], connection)
    text = _client_page(practitioner_client, connection)
    assert "Toolkit entries shared with you" in text
    assert BEHAVIOUR in text and NEED in text
    assert VALUE_WORDS in text and "Honesty" in text
    assert KINDNESS in text
    assert PRIVATE_KINDNESS not in text


def test_unsharing_hides_the_entry_on_the_practitioners_next_page(
    tools, member_client, practitioner_client
):
    connection = tools["connection"]
    _share(member_client, "boundaries", tools["boundary"], connection)
    assert BEHAVIOUR in _client_page(practitioner_client, connection)
    _share(member_client, "boundaries", tools["boundary"], connection, on=False)
    text = _client_page(practitioner_client, connection)
    assert BEHAVIOUR not in text
    assert "Toolkit entries shared with you" not in text


def test_deleting_a_shared_entry_removes_it_from_the_practitioners_page(
    tools, member_client, practitioner_client
):
    connection = tools["connection"]
    _share(member_client, "boundaries", tools["boundary"], connection)
    do_delete_boundary(tools["boundary"])
    assert BEHAVIOUR not in _client_page(practitioner_client, connection)


def test_nothing_is_shared_until_the_member_chooses(tools, practitioner_client):
    text = _client_page(practitioner_client, tools["connection"])
    assert BEHAVIOUR not in text and KINDNESS not in text
    assert not Look.objects.exists()


def test_the_members_sharing_page_lists_what_they_share_and_can_stop_it_there(
    tools, member_client, practitioner_client
):
    connection = tools["connection"]
    _share(member_client, "boundaries", tools["boundary"], connection)
    page = reverse("sharing:connection", args=[connection.pk])
    text = words(member_client.get(page))
    assert f"When {BEHAVIOUR}" in text
    assert "Stop sharing" in text
    overview = words(member_client.get(reverse("sharing:index")))
    assert "1 toolkit entry" in overview
    response = member_client.post(
        _share_page("boundaries", tools["boundary"]),
        {"connection": str(connection.pk), "share": "off", "then": "connection"},
    )
    assert response.status_code == 302 and response.url == page
    assert f"When {BEHAVIOUR}" not in words(member_client.get(page))
    assert BEHAVIOUR not in _client_page(practitioner_client, connection)


def test_each_look_is_in_the_members_access_log_with_the_tool_never_the_words(
    tools, member_client, practitioner_client
):
    connection = tools["connection"]
    _share(member_client, "boundaries", tools["boundary"], connection)
    _client_page(practitioner_client, connection)
    _client_page(practitioner_client, connection)
    key = f"boundaries:{tools['boundary'].pk}"
    assert list(Look.objects.values_list("part", "key")) == [("tool_entry", key)] * 2
    log = words(member_client.get(reverse("sharing:connection", args=[connection.pk])))
    assert log.count("A toolkit entry: Boundaries") == 2
    do_delete_boundary(tools["boundary"])
    log = words(member_client.get(reverse("sharing:connection", args=[connection.pk])))
    assert log.count("A toolkit entry: Boundaries, one you have since deleted") == 2


def test_the_entry_offers_sharing_only_while_the_member_is_connected(
    member, other_member, member_client, other_client, practitioner
):
    boundary, _ = do_create_boundary(member, {"behaviour": BEHAVIOUR, "need": "", "action": ""})
    detail = reverse("boundaries:detail", args=[boundary.pk])
    share_page = _share_page("boundaries", boundary)
    assert share_page not in member_client.get(detail).content.decode()
    connect(member, practitioner)
    assert share_page in member_client.get(detail).content.decode()


def test_another_members_entry_is_a_404_and_cannot_be_shared_by_crafting_the_post(
    tools, other_member, other_client, practitioner
):
    theirs = connect(other_member, practitioner)
    for module, row in (("boundaries", tools["boundary"]), ("compassion", tools["break"])):
        page = _share_page(module, row)
        assert other_client.get(page).status_code == 404
        response = other_client.post(page, {"connection": str(theirs.pk), "share": "on"})
        assert response.status_code == 404
        # Nor on the owner's own connection.
        response = other_client.post(
            page, {"connection": str(tools["connection"].pk), "share": "on"}
        )
        assert response.status_code == 404
    assert not Grant.objects.filter(part="tool_entry").exists()


def test_a_made_up_entry_or_a_tool_that_shares_nothing_is_a_404(tools, member_client):
    connection = str(tools["connection"].pk)
    for module in ("boundaries", "selfcare", "no-such-tool"):
        page = reverse("sharing:tool_entry", args=[module, uuid.uuid4()])
        assert member_client.get(page).status_code == 404
        assert member_client.post(page, {"connection": connection, "share": "on"}).status_code == (
            404
        )
    # The boundary's id under another tool's name is not found there either.
    page = reverse("sharing:tool_entry", args=["values", tools["boundary"].pk])
    assert member_client.get(page).status_code == 404
    assert not Grant.objects.filter(part="tool_entry").exists()


def test_an_unconnected_practitioner_gets_404_and_leaves_no_look(
    tools, member_client, stranger_client
):
    connection = tools["connection"]
    _share(member_client, "boundaries", tools["boundary"], connection)
    assert stranger_client.get(reverse("practice:client", args=[connection.pk])).status_code == 404
    assert not Look.objects.exists()


def test_a_practitioner_cannot_open_the_members_share_page(tools, practitioner_client):
    page = _share_page("boundaries", tools["boundary"])
    assert practitioner_client.get(page).status_code == 404


def test_an_entry_deleted_after_sharing_is_no_longer_counted(tools, member, member_client):
    connection = tools["connection"]
    entry = do_create_entry(member, {"title": "By the river", "body": "A quiet walk."})
    member_client.post(
        reverse("sharing:entry", args=[entry.pk]),
        {"connection": str(connection.pk), "share": "on"},
    )
    _share(member_client, "boundaries", tools["boundary"], connection)
    _share(member_client, "compassion", tools["break"], connection)
    index = reverse("sharing:index")
    assert "1 journal entry, 2 toolkit entries" in words(member_client.get(index))

    do_delete_entry(entry)
    do_delete_boundary(tools["boundary"])
    page = words(member_client.get(index))
    assert "journal entr" not in page
    assert "1 toolkit entry" in page


def test_the_nightly_clean_up_removes_only_the_switches_of_deleted_entries(
    tools, member, member_client, other_member, practitioner
):
    connection = tools["connection"]
    kept_entry = do_create_entry(member, {"title": "Kept", "body": "A quiet walk."})
    gone_entry = do_create_entry(member, {"title": "Gone", "body": "A hard night."})
    for entry in (kept_entry, gone_entry):
        member_client.post(
            reverse("sharing:entry", args=[entry.pk]),
            {"connection": str(connection.pk), "share": "on"},
        )
    _share(member_client, "boundaries", tools["boundary"], connection)
    _share(member_client, "compassion", tools["break"], connection)
    switch(connection, trends=True)
    theirs = connect(other_member, practitioner)
    their_entry = do_create_entry(other_member, {"title": "Theirs", "body": "Still here."})
    do_share_entry(theirs, their_entry.pk)

    do_delete_entry(gone_entry)
    do_delete_boundary(tools["boundary"])
    assert forget_deleted_entries.call_local() == 2

    assert set(Grant.objects.filter(connection=connection).values_list("part", "key")) == {
        ("entry", str(kept_entry.pk)),
        ("tool_entry", f"compassion:{tools['break'].pk}"),
        ("trends", ""),
    }
    assert Grant.objects.filter(connection=theirs).count() == 1
    assert "1 journal entry, 1 toolkit entry" in words(member_client.get(reverse("sharing:index")))
    assert forget_deleted_entries.call_local() == 0
