"""The reads the journal pages make, through journal/queries.py."""

from __future__ import annotations

from reclaim.journal import actions, queries
from reclaim.vault.fields import open_row


def test_owned_entries_hold_only_the_members_own_with_their_words(member, other_member):
    mine = actions.do_create_entry(member, {"title": "Tuesday", "body": "A long walk."})
    actions.do_create_entry(other_member, {"title": "Theirs", "body": "Not yours."})
    found = open_row(queries.owned_entries(member).get(pk=mine.pk))
    assert found.body == "A long walk."
    assert list(queries.owned_entries(other_member).filter(pk=mine.pk)) == []


def test_owned_drafts_hold_only_the_members_own(member, other_member):
    mine = actions.do_save_draft(member, {"title": "", "body": "Half a thought"})
    actions.do_save_draft(other_member, {"title": "", "body": "Someone else's"})
    assert list(queries.owned_drafts(member)) == [mine]
