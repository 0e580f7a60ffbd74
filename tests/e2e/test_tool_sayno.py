"""Saying no in the browser: practise on a moment, read the feedback, save it, log a real one."""

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import NARROW, PHONE, check_page, sign_in
from .test_keyboard_journey import tab_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320", "360"])
def test_a_no_can_be_practised_saved_and_a_real_one_logged(page: Page, member, size):
    page.set_viewport_size(size)
    sign_in(page)
    page.goto("/tools/")
    page.get_by_role("link", name="Saying no").first.click()
    expect(page.get_by_role("heading", name="Saying no", level=1)).to_be_visible()
    check_page(page)

    page.get_by_role("link", name="How the feedback works").click()
    expect(page.get_by_role("heading", name="How the feedback works")).to_be_visible()
    page.get_by_text("The words it looks for").first.click()
    check_page(page)
    page.get_by_role("link", name="Back to saying no").click()

    page.get_by_role("link", name="The family holiday dinner").click()
    expect(page.get_by_text("Everyone's expecting you.")).to_be_visible()
    page.get_by_text("One way to say it").click()
    check_page(page)
    page.get_by_label("Your reply").fill("Sorry, maybe I can't come. Is that ok?")
    page.get_by_role("button", name="Check my reply").click()
    feedback = page.get_by_role("region", name="What the rules noticed")
    expect(feedback).to_contain_text("You say “sorry”.")
    expect(feedback).to_contain_text("hands the decision back to them")
    expect(page.get_by_label("Your reply")).to_have_value("Sorry, maybe I can't come. Is that ok?")
    check_page(page)

    page.get_by_label("Your reply").fill("I won't be at the dinner this year. Thank you.")
    page.get_by_role("button", name="Check my reply").click()
    expect(page.get_by_text("That is a complete no.")).to_be_visible()
    page.get_by_role("button", name="Save it").click()
    expect(page.get_by_text("Saved with your practice.")).to_be_visible()
    expect(
        page.get_by_text("You said: “I won't be at the dinner this year. Thank you.”")
    ).to_be_visible()
    check_page(page)

    page.get_by_role("link", name="All your practice").click()
    expect(page.get_by_role("link", name="The family holiday dinner")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="The family holiday dinner").click()
    page.get_by_role("link", name="Delete").click()
    check_page(page)
    page.get_by_role("link", name="Keep it").click()
    expect(page.get_by_text("That is a complete no.")).to_be_visible()

    page.goto("/tools/saying-no/")
    page.get_by_role("link", name="Note a real no").click()
    check_page(page)
    page.get_by_label("Who or what it was about").fill("My aunt")
    page.get_by_label("What you said").fill("No, I'm not lending money right now.")
    page.get_by_label("How it went").fill("She was quiet, then said fine.")
    page.get_by_role("radio", name="7", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved in your log.")).to_be_visible()
    expect(page.get_by_text("felt 7 out of 10 afterwards")).to_be_visible()
    check_page(page)

    page.get_by_role("link", name=re.compile("^Change")).click()
    expect(page.get_by_label("Who or what it was about")).to_have_value("My aunt")
    check_page(page)
    page.get_by_label("Who or what it was about").fill("My aunt Jo")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("My aunt Jo")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Delete")).click()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("That entry is deleted.")).to_be_visible()
    expect(page.get_by_text("Every no counts")).to_be_visible()


def test_a_reply_can_be_checked_and_saved_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/tools/saying-no/practise/late-night-talk/")
    tab_to(page, "Your reply (if you like)")
    page.keyboard.type("No. Not tonight.")
    tab_to(page, "Check my reply")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("That is a complete no.")).to_be_visible()
    tab_to(page, "Save it")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved with your practice.")).to_be_visible()


def test_without_javascript_practice_and_the_log_still_work(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/saying-no/practise/own/")
        page.get_by_label("What is it about?").fill("the school run")
        page.get_by_label("Your reply").fill("I don't know, maybe.")
        page.get_by_role("button", name="Check my reply").click()
        expect(
            page.get_by_text("“I don't know” can sound as if the question is still open.")
        ).to_be_visible()
        expect(page.get_by_label("What is it about?")).to_have_value("the school run")
        page.get_by_role("button", name="Save it").click()
        expect(page.get_by_text("Saved with your practice.")).to_be_visible()
        expect(page.get_by_text("About: the school run")).to_be_visible()

        page.goto("/tools/saying-no/log/new/")
        page.get_by_label("What you said").fill("Not tonight.")
        page.get_by_role("radio", name="3", exact=True).check()
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_text("felt 3 out of 10 afterwards")).to_be_visible()
    finally:
        context.close()
