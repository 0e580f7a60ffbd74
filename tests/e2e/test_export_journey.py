"""Taking a copy of everything: asked for on the settings page, made, downloaded once."""

import json
import zipfile

import pytest
from playwright.sync_api import Page, expect

from conftest import PASSWORD

from .conftest import check_both_widths, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_takes_a_copy_of_their_words_and_it_is_gone_from_the_server(
    page: Page, member, risk_model_loaded, tmp_path
):
    sign_in(page)
    page.goto("/journal/new/")
    page.get_by_label("Title").fill("Harbour lights")
    page.get_by_label("Write here").fill("The boats came in one by one and I stayed to watch.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()

    page.goto("/settings/")
    page.get_by_role("link", name="Take your words with you").click()
    expect(page.get_by_role("heading", name="Take your words with you")).to_be_visible()
    check_both_widths(page)
    page.get_by_role("button", name="Make my copy").click()
    # Only the member may take it: the password once more, then the press goes through.
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Your copy is ready")).to_be_visible()
    check_both_widths(page)

    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download my copy").click()
    download = waiting.value
    assert download.suggested_filename.startswith("my-copy-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        document = json.loads(archive.read("my-copy.json"))
        readable = archive.read("my-copy.html").decode()
    entries = document["parts"]["journal"]["entries"]
    assert [entry["title"] for entry in entries] == ["Harbour lights"]
    assert "I stayed to watch" in readable

    # Downloaded once, it is gone: the page offers a new copy, not the old one.
    page.goto("/settings/export/")
    expect(page.get_by_role("button", name="Download my copy")).to_have_count(0)
    expect(page.get_by_role("button", name="Make my copy")).to_be_visible()
