"""The anger log in a real browser: log, cool down, change and delete, on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from reclaim.toolkit.anger.models import Entry
from reclaim.vault.fields import open_row

from .conftest import NARROW, PHONE, check_page, sign_in
from .test_keyboard_journey import FOCUS_SHOWN, FOCUSED_NAME

pytestmark = pytest.mark.django_db(transaction=True)

TRIGGER = "The hotel receipt in the coat pocket."


def tab_to(page: Page, starts: str, most: int = 60) -> None:
    """Tab forward until the focused element's name starts with `starts`, focus ring shown."""
    for _ in range(most):
        page.keyboard.press("Tab")
        problem = page.evaluate(FOCUS_SHOWN)
        assert not problem, problem
        if page.evaluate(FOCUSED_NAME).startswith(starts):
            return
    raise AssertionError(f"Tab never reached {starts!r}")


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320px", "360px"])
def test_a_strong_moment_is_logged_cooled_changed_and_deleted(page: Page, member, size):
    page.set_viewport_size(size)
    sign_in(page)
    page.goto("/tools/anger/")
    expect(page.get_by_text("Nothing here yet.")).to_be_visible()
    check_page(page)

    page.get_by_role("link", name="Log a moment of anger").click()
    expect(page.get_by_role("heading", name="Log a moment of anger")).to_be_visible()
    check_page(page)
    page.get_by_label("How strong is the anger?").fill("8")
    expect(page.locator("#id_intensity-value")).to_have_text("8")
    page.get_by_label("Jaw", exact=True).check()
    page.get_by_label("Chest", exact=True).check()
    page.get_by_label("What set it off?").fill(TRIGGER)
    page.get_by_label("What did you feel like doing?").fill("To throw it at the wall.")
    page.get_by_label("What did you do?").fill("I went outside and walked fast.")
    page.get_by_role("button", name="Save").click()

    # A strong moment: the cool-down tools come before what was logged.
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="That was a strong one")).to_be_visible()
    html = page.content()
    assert html.index("Slow your breathing") < html.index(TRIGGER)
    check_page(page)

    page.get_by_role("link", name="Back to the anger log").click()
    expect(page.get_by_text("Strength 8 of 10 · felt in: Chest, Jaw")).to_be_visible()
    expect(page.locator(".numbers dd").first).to_have_text("1")
    expect(page.get_by_text("Where you felt it most often: Chest.")).to_be_visible()
    check_page(page)

    page.get_by_role("link", name=re.compile("^Change")).click()
    expect(page.get_by_label("What set it off?")).to_have_value(TRIGGER)
    page.get_by_label("How strong is the anger?").fill("3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="It is written down")).to_be_visible()
    expect(page.get_by_text("Strength 3 of 10")).to_be_visible()

    page.get_by_role("link", name="Back to the anger log").click()
    page.get_by_role("link", name=re.compile("^Delete")).click()
    expect(page.get_by_role("heading", name="Delete this moment?")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("Nothing here yet.")).to_be_visible()
    assert not Entry.objects.filter(owner=member).exists()

    for link, heading in (
        ("Why anger lingers after betrayal", "Why anger lingers after betrayal"),
        ("Cool down now", "Cool down"),
    ):
        page.goto("/tools/anger/")
        page.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        check_page(page)


def test_a_moment_can_be_logged_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/tools/anger/")
    tab_to(page, "Log a moment of anger")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Log a moment of anger")).to_be_visible()
    tab_to(page, "How strong is the anger?")
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    tab_to(page, "Stomach")
    page.keyboard.press("Space")
    tab_to(page, "What set it off?")
    page.keyboard.type("A phone call I was not meant to hear.")
    tab_to(page, "Save")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="That was a strong one")).to_be_visible()
    entry = open_row(Entry.objects.get(owner=member))
    assert (entry.intensity, entry.places) == (9, ["stomach"])
    tab_to(page, "Breathe along with the Calm tool")


def test_the_log_works_without_javascript(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/anger/new/")
        # Without a script the slider still sends its number.
        page.get_by_label("Hands", exact=True).check()
        page.get_by_label("What set it off?").fill("Their friend's message.")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("heading", name="It is written down")).to_be_visible()
        expect(page.get_by_text("Strength 5 of 10 · felt in: Hands")).to_be_visible()
        page.get_by_role("link", name="Ways to cool down").click()
        expect(page.get_by_role("heading", name="Cold water")).to_be_visible()
        page.goto("/tools/anger/")
        expect(page.get_by_text("Their friend's message.")).to_be_visible()
    finally:
        context.close()
