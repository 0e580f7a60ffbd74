"""Every registered tool is reachable, grouped, private and neutral."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.registry import GROUPS, TOOLS, get_tool


def test_every_tool_sits_in_at_least_one_group_and_every_group_names_real_tools():
    grouped = {slug for group in GROUPS for slug in group.tools}
    assert grouped == {tool.slug for tool in TOOLS}
    assert all(get_tool(slug) for slug in grouped)
    kinds = [group.kind for group in GROUPS]
    assert kinds.count("step") == 4 and kinds.count("strategy") == 4


def test_the_toolkit_page_links_every_tool(member_client):
    page = member_client.get(reverse("toolkit:index"))
    assert page.status_code == 200
    main = html.main(page)
    for tool in TOOLS:
        assert reverse(tool.index) in html.hrefs(main), tool.slug
    assert "Four steps of healing" in html.words(main)
    assert "Four ways to stand stronger" in html.words(main)


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.slug)
def test_each_tool_opens_for_its_member_with_a_neutral_title_and_no_store(member_client, tool):
    page = member_client.get(reverse(tool.index))
    assert page.status_code == 200
    assert html.title(page).startswith("Tools ·")
    assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.slug)
def test_each_tool_asks_a_stranger_to_sign_in(client, tool):
    page = client.get(reverse(tool.index))
    assert page.status_code == 302
    assert "/login/" in page["Location"] or "login" in page["Location"]


def test_calm_is_one_tap_from_every_signed_in_page(member_client):
    for name in ("progress:today", "journal:list", "toolkit:index"):
        page = member_client.get(reverse(name))
        # In the page's own header, beside "Get help now".
        header = html.one(page, "body > header")
        assert ("Calm", reverse("calm:index")) in html.links(header), name
        assert ("Get help now", reverse("safety:help")) in html.links(header), name
