"""Self-compassion in the browser: a three-step break, saved or left, and a letter to yourself."""

import pytest
from playwright.sync_api import Page, expect

from .conftest import NARROW, PHONE, check_page, sign_in
from .test_keyboard_journey import tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def take_the_break(page: Page, words: tuple[str, str, str], check=lambda page: None) -> None:
    page.get_by_role("link", name="Take a break").click()
    for heading, label, text in zip(
        ("Notice that this hurts", "You are not alone in this", "Offer yourself some kindness"),
        (
            "What you notice",
            "Who or what reminds you that you are not alone",
            "Your kind words or gesture",
        ),
        words,
        strict=True,
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        check(page)
        page.get_by_label(label).fill(text)
        page.get_by_role("button", name="Finish" if heading.startswith("Offer") else "Next").click()
    expect(page.get_by_role("heading", name="You gave yourself a few minutes")).to_be_visible()


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320", "360"])
def test_a_break_can_be_taken_saved_read_and_a_letter_written(page: Page, member, size):
    page.set_viewport_size(size)
    sign_in(page)
    page.goto("/tools/")
    page.get_by_role("link", name="Self-compassion").first.click()
    check_page(page)

    take_the_break(page, ("Tight chest", "My group", "Hand on my heart"), check_page)
    expect(page.get_by_text("Hand on my heart")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Save it").click()
    expect(page.get_by_text("Saved. It is with your earlier breaks below.")).to_be_visible()

    page.get_by_role("link", name="Break on").first.click()
    expect(page.get_by_text("Tight chest")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Delete").click()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("That break is deleted.")).to_be_visible()

    page.get_by_role("link", name="Write a letter to yourself").click()
    body = page.get_by_label("Write here")
    expect(body).to_have_value("Dear me,\n\n")
    body.press("End")
    body.press("Control+End")
    body.press_sequentially("You are doing better than you think.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("You are doing better than you think.")).to_be_visible()
    expect(page.get_by_text("Dear me,")).to_be_visible()


def test_a_break_can_be_taken_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/tools/compassion/break/")
    for label, button in (
        ("What you notice", "Next"),
        ("Who or what reminds you that you are not alone", "Next"),
        ("Your kind words or gesture", "Finish"),
    ):
        tab_to(page, f"{label} (if you like)")
        page.keyboard.type("a few words")
        tab_to(page, button)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    tab_to(page, "Save it")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved. It is with your earlier breaks below.")).to_be_visible()


def test_without_javascript_a_break_can_be_taken_and_left_without_saving(
    browser, live_server, member
):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/compassion/")
        take_the_break(page, ("Numb", "", "Be gentle"))
        page.get_by_role("button", name="Back").click()
        expect(page.get_by_label("Your kind words or gesture")).to_have_value("Be gentle")
        page.get_by_role("button", name="Finish").click()
        page.get_by_role("link", name="Leave without saving").click()
        expect(page.get_by_text("Breaks you choose to save will be listed here")).to_be_visible()
    finally:
        context.close()
