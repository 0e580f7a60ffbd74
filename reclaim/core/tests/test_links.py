"""A list's links, worked out with one reverse(), are the links reverse() gives each row."""

from __future__ import annotations

import uuid

from django.urls import reverse, set_script_prefix
from hypothesis import given, settings
from hypothesis import strategies as st

from reclaim.core.links import link_maker


# The first call loads the URL patterns, which takes longer than hypothesis's deadline.
@settings(deadline=None)
@given(st.uuids())
def test_each_rows_link_is_the_one_reverse_gives(pk):
    for route in ("journal:detail", "checkins:edit"):
        assert link_maker(route)(pk) == reverse(route, args=[pk])


def test_links_keep_the_address_prefix_the_app_is_served_under():
    pk = uuid.uuid4()
    set_script_prefix("/notes/")
    try:
        link = link_maker("journal:detail")(pk)
    finally:
        set_script_prefix("/")
    assert link.startswith("/notes/")
    assert link.endswith(f"{pk}/")
