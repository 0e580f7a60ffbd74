"""Every tool that lets a member share an entry does it the same way, and only the member's own."""

from __future__ import annotations

import importlib

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reclaim.sharing.actions import do_connect, do_invite_client
from reclaim.testing.html import words
from reclaim.toolkit import shareable

# The tools whose saved things are the member's own writing, each with a page of its own.
SHARED = ["calm", "compassion", "values", "boundaries", "sayno", "anger", "options", "trust"]


def test_the_tools_that_share_are_the_ones_whose_entries_are_the_members_writing():
    assert [tool.module for tool in shareable.shareable_tools()] == SHARED


@pytest.mark.parametrize("module", SHARED)
def test_an_entry_can_be_shared_from_its_page_and_reaches_only_a_connected_practitioner(
    module, member, member_client, other_client, practitioner, practitioner_client
):
    importlib.import_module(f"reclaim.toolkit.{module}.demo").seed(member, 14, timezone.localdate())
    kind = shareable.kind_of(module)
    row = kind.rows_of(member).order_by("created").first()
    assert row is not None, f"{module}: the demo made nothing to share"
    page = reverse(kind.page, args=[row.pk])
    share_page = reverse("sharing:tool_entry", args=[module, row.pk])

    # Not connected: no mention of sharing on the entry's page.
    assert share_page not in member_client.get(page).content.decode()
    made = do_invite_client(practitioner)
    connection = do_connect(member, made.code, "R.")
    assert share_page in member_client.get(page).content.decode()
    assert other_client.get(share_page).status_code == 404

    entry = shareable.own_entry(member, module, row.pk)
    assert entry.title and entry.passages, f"{module}: nothing to read"
    client_page = reverse("practice:client", args=[connection.pk])
    assert entry.title not in words(practitioner_client.get(client_page))
    member_client.post(share_page, {"connection": str(connection.pk), "share": "on"})
    seen = words(practitioner_client.get(client_page))
    assert entry.title in seen
    assert entry.passages[0][1].split("\n")[0].strip() in seen


def test_a_tool_that_shares_nothing_has_no_share_page(member_client: Client):
    response = member_client.get(
        reverse("sharing:tool_entry", args=["selfcare", "8b0c7c3e-8a9d-4a44-9a55-0e0f3b2a1c11"])
    )
    assert response.status_code == 404
