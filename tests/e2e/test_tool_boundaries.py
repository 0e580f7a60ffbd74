"""Building a boundary, copying its words and noting when it was tested."""

import re

import pytest
from playwright.sync_api import Page, expect

from reclaim.toolkit.boundaries.models import Boundary, Occasion
from reclaim.toolkit.values.actions import do_save_sort
from reclaim.vault.fields import open_row

from .conftest import NARROW, PHONE, check_page, sign_in
from .test_tool_values import tab_until

pytestmark = pytest.mark.django_db(transaction=True)

SCRIPT = (
    "When you bring it up after midnight, that is not OK with me, because I value calm. "
    "I need us to talk in the daytime. If it happens again, I will say goodnight and go to bed."
)


def fill_parts(page: Page) -> None:
    page.get_by_label(re.compile("The behaviour I will not accept")).fill(
        "you bring it up after midnight"
    )
    page.get_by_role("group", name=re.compile("The value it protects")).get_by_label(
        "Calm", exact=True
    ).check()
    page.get_by_label(re.compile("^What I need")).fill("us to talk in the daytime")
    page.get_by_label(re.compile("What I will do if it happens again")).fill(
        "say goodnight and go to bed"
    )


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320", "360"])
def test_a_boundary_is_built_copied_tested_changed_and_deleted(page: Page, member, size):
    do_save_sort(member, ["calm", "honesty", "home"], {})
    page.set_viewport_size(size)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page)
    page.goto("/tools/boundaries/")
    values = page.get_by_role("region", name="What matters most to you")
    expect(values).to_contain_text("Calm")
    expect(values).to_contain_text("Home")
    check_page(page)

    page.get_by_role("link", name="Make a boundary").click()
    check_page(page)
    fill_parts(page)
    page.get_by_role("button", name="Put it into words").click()
    script = page.get_by_label(re.compile("The words to say or send"))
    expect(script).to_have_value(SCRIPT)
    check_page(page)
    script.fill(SCRIPT + " Thank you for hearing me.")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_text("Saved.", exact=True)).to_be_visible(timeout=20_000)
    expect(page.get_by_role("textbox", name="Your words to say or send")).to_have_value(
        SCRIPT + " Thank you for hearing me."
    )
    check_page(page)
    page.get_by_role("button", name="Copy the words").click()
    expect(page.get_by_role("status").filter(has_text="Copied.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").endswith("Thank you for hearing me.")

    page.get_by_role("link", name="Note a time it was tested").click()
    check_page(page)
    page.get_by_label(re.compile("What happened")).fill("It came up at one in the morning.")
    page.get_by_label("Did not hold", exact=True).check()
    page.get_by_label(re.compile("What I did")).fill("I stayed up and argued.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Tested once so far, and it did not hold that time.")).to_be_visible()
    expect(page.get_by_text("information, not failure")).to_be_visible()
    check_page(page)

    page.get_by_role("link", name=re.compile("^Change the note from")).click()
    check_page(page)
    page.get_by_label("Held", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Tested once so far, and it held.")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Delete the note from")).click()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("Not tested yet.")).to_be_visible()

    page.get_by_role("link", name="Change this boundary").click()
    check_page(page)
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("link", name="Delete", exact=True).click()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("No boundaries yet.")).to_be_visible()
    assert not Boundary.objects.filter(owner=member).exists()


def test_a_boundary_can_be_built_and_tested_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/tools/boundaries/new/")
    tab_until(page, "#id_behaviour")
    page.keyboard.type("I am asked to keep the secret")
    # "None of these" starts chosen; the arrow moves round to the first value, Respect.
    tab_until(page, "input[name=value]:checked")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#id_value_0")).to_be_checked()
    tab_until(page, "#id_need")
    page.keyboard.type("to talk to my sister")
    tab_until(page, "button[value=compose]")
    page.keyboard.press("Enter")
    expect(page.get_by_label(re.compile("The words to say or send"))).to_have_value(
        "When I am asked to keep the secret, that is not OK with me, because I value respect. "
        "I need to talk to my sister."
    )
    tab_until(page, "button[value=save]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible(timeout=20_000)
    tab_until(page, "a[href$='/log/']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="A time it was tested")).to_be_visible()
    tab_until(page, "#id_outcome_0")  # Held, the first of the three
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Partly held", exact=True)).to_be_checked()
    tab_until(page, "button[type=submit]:not(.button-exit):not(.link-button)")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Tested once so far, and it partly held.")).to_be_visible()
    assert open_row(Occasion.objects.get(owner=member)).outcome == "partly"


def test_without_javascript_the_words_are_in_a_box_to_select(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/boundaries/")
        expect(page.get_by_role("link", name="Sort your values")).to_be_visible()
        page.get_by_role("link", name="Make a boundary").click()
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_role("alert")).to_contain_text("Write at least the behaviour")
        fill_parts(page)
        page.get_by_role("button", name="Save", exact=True).click()
        box = page.get_by_role("textbox", name="Your words to say or send")
        expect(box).to_have_value(SCRIPT)
        expect(box).to_have_attribute("readonly", "")
        expect(page.get_by_role("button", name="Copy the words")).to_have_count(0)
        page.get_by_role("link", name="Note a time it was tested").click()
        page.get_by_label("Partly held", exact=True).check()
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_text("Tested once so far, and it partly held.")).to_be_visible()
    finally:
        context.close()
