"""Self-worth in the browser: evidence, strengths and what the member has done."""

import re

import pytest
from playwright.sync_api import Page, expect

from reclaim.toolkit.worth.models import Evidence, Item
from reclaim.vault.fields import open_row

from .conftest import NARROW, PHONE, check_page, sign_in
from .test_keyboard_journey import tab_to

pytestmark = pytest.mark.django_db(transaction=True)


EVIDENCE = "One piece of evidence that you are enough"


@pytest.mark.parametrize("viewport", [NARROW, PHONE], ids=["320", "360"])
def test_evidence_and_an_inventory_can_be_kept_changed_and_deleted(page: Page, member, viewport):
    page.set_viewport_size(viewport)
    sign_in(page)
    page.goto("/tools/worth/")
    expect(page.get_by_role("heading", name="Your worth")).to_be_visible()
    check_page(page)

    page.get_by_label(EVIDENCE).fill("I kept going on a very hard day.")
    page.get_by_role("button", name="Add it").click()
    expect(page.get_by_text("Added to your evidence.")).to_be_visible()
    expect(page.get_by_text("I kept going on a very hard day.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/tools/worth/#evidence$"))

    # A gentle prompt opens the form with it, for something the member has done.
    page.get_by_role("link", name="Something you got through").click()
    expect(page.get_by_text("Something you got through", exact=True)).to_be_visible()
    check_page(page)
    page.get_by_label("Something you have done").fill("The first winter after finding out")
    page.get_by_label(re.compile("^A note")).fill("One day at a time.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your accomplishment is kept.")).to_be_visible()
    expect(page.get_by_text("The first winter after finding out", exact=True)).to_be_visible()

    page.get_by_role("link", name="Add a strength").click()
    check_page(page)
    page.get_by_label("Something you are, or do well").fill("Patient")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Patient", exact=True)).to_be_visible()
    check_page(page)

    # Change the piece of evidence, then delete it.
    page.get_by_role("link", name="Change this piece").click()
    check_page(page)
    page.get_by_label(EVIDENCE).fill("I kept going, and I asked for help.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("I kept going, and I asked for help.")).to_be_visible()
    page.get_by_role("link", name="Delete this piece").click()
    expect(page.get_by_role("heading", name="Delete this piece?")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("It is deleted.")).to_be_visible()
    assert not Evidence.objects.filter(owner=member).exists()

    # The other pages of the tool.
    item = open_row(Item.objects.get(owner=member, kind="strength"))
    page.goto(f"/tools/worth/item/{item.pk}/delete/")
    check_page(page)
    for url in ("/tools/worth/evidence/", "/tools/worth/strengths/", "/tools/worth/evidence/new/"):
        page.goto(url)
        check_page(page)


def test_empty_evidence_gets_a_kind_word_on_an_accessible_page(page: Page, member):
    sign_in(page)
    page.goto("/tools/worth/")
    page.get_by_role("button", name="Add it").click()
    expect(page.get_by_role("alert")).to_contain_text("Write one line, even a small one")
    check_page(page)


def test_evidence_and_a_strength_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/tools/worth/")
    page.wait_for_load_state()
    tab_to(page, EVIDENCE)
    page.keyboard.type("I was honest today.")
    tab_to(page, "Add it")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Added to your evidence.")).to_be_visible()
    page.wait_for_load_state()
    tab_to(page, "Add a strength")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Something you are, or do well")).to_be_visible()
    page.wait_for_load_state()
    tab_to(page, "Something you are, or do well")
    page.keyboard.type("Good with my hands")
    tab_to(page, "Save")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your strength is kept.")).to_be_visible()
    assert open_row(Evidence.objects.get(owner=member)).text == "I was honest today."
    assert open_row(Item.objects.get(owner=member)).text == "Good with my hands"


def test_without_javascript_everything_still_works(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/worth/")
        page.get_by_label(EVIDENCE).fill("I got out of bed.")
        page.get_by_role("button", name="Add it").click()
        expect(page.get_by_text("I got out of bed.")).to_be_visible()
        page.get_by_role("link", name="Add something you have done").click()
        page.get_by_label("Something you have done").fill("Passed my driving test")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Passed my driving test", exact=True)).to_be_visible()
        page.get_by_role("link", name=re.compile("^Delete “Passed")).click()
        page.get_by_role("button", name="Delete it").click()
        expect(page.get_by_text("Passed my driving test")).to_have_count(0)
    finally:
        context.close()


@pytest.fixture(scope="module", autouse=True)
def _risk_model_first(risk_model_loaded):
    """Every journey here saves words, so the model is loaded before the first."""
