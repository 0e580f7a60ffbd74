"""Writing in the journal, finding it again, and changing it."""

import pytest
from playwright.sync_api import Page, expect

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# A word no prompt, page or other entry uses, so finding it proves the search.
WORD = "quillwort"


def test_an_entry_can_be_written_found_opened_and_changed(page: Page, member):
    sign_in(page)
    page.goto("/journal/")
    page.get_by_role("link", name="Write", exact=True).click()
    expect(page.get_by_role("heading", name="New entry")).to_be_visible()
    page.get_by_label("Title").fill("By the estuary")
    page.get_by_label("Write here").fill(
        f"The {WORD} was growing by the water again.\nI stayed a while and breathed."
    )
    page.get_by_label("Tags").fill("walks, calm")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="By the estuary")).to_be_visible()
    expect(page.get_by_text(f"The {WORD} was growing")).to_be_visible()

    # Another entry, so the search has something to leave out.
    page.goto("/journal/new/")
    page.get_by_label("Write here").fill("A grey day. Nothing much to say.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()

    # Find it with the search box; the words searched for stay out of the address.
    page.goto("/journal/")
    page.get_by_label("Search your entries").fill(WORD.upper())
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 entry found")).to_be_visible()
    assert WORD not in page.url.lower()
    results = page.locator("ul.entries > li")
    expect(results).to_have_count(1)
    results.get_by_role("link", name="By the estuary").click()

    # Open it, change it, and see the change.
    expect(page.get_by_text(f"The {WORD} was growing")).to_be_visible()
    page.get_by_role("link", name="Change").click()
    expect(page.get_by_role("heading", name="Change this entry")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("By the estuary")
    page.get_by_label("Title").fill("By the estuary, at low tide")
    page.get_by_label("Write here").press("End")
    page.get_by_label("Write here").press_sequentially(" Then I walked home slowly.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="By the estuary, at low tide")).to_be_visible()
    expect(page.get_by_text("Then I walked home slowly.")).to_be_visible()

    # The list shows the changed title, with its tags, beside the other entry.
    page.get_by_role("link", name="Back to your journal").click()
    entries = page.locator("ul.entries > li")
    expect(entries).to_have_count(2)
    changed = entries.filter(has=page.get_by_role("link", name="By the estuary, at low tide"))
    expect(changed.locator(".tag")).to_have_text(["walks", "calm"])
    # Nothing was left over as an unsaved draft.
    expect(page.get_by_text("You have words you didn't save yet.")).to_have_count(0)

    # A search that matches nothing says so kindly.
    page.get_by_label("Search your entries").fill("marmalade")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="Nothing found")).to_be_visible()
