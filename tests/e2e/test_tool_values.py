"""Sorting values down to five, in a phone's width, by keyboard, and without JavaScript."""

import re

import pytest
from playwright.sync_api import Page, expect

from reclaim.toolkit.values.models import Sort
from reclaim.vault.fields import open_row

from .conftest import NARROW, PHONE, check_page, sign_in
from .test_keyboard_journey import FOCUS_SHOWN

pytestmark = pytest.mark.django_db(transaction=True)


def mark(page: Page, value: str, pile: str = "Matters a lot") -> None:
    page.get_by_role("group", name=value, exact=True).get_by_label(pile, exact=True).check()


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320", "360"])
def test_a_sort_goes_from_thirty_values_to_five_in_own_words(page: Page, member, size):
    page.set_viewport_size(size)
    sign_in(page)
    page.goto("/tools/values/")
    check_page(page)
    page.get_by_role("link", name="Start sorting").click()

    expect(page.get_by_text("Step 1 of 3")).to_be_visible()
    check_page(page)
    for value in ("Honesty", "Respect", "Calm"):
        mark(page, value)
    mark(page, "Fun", "Somewhat")
    mark(page, "Adventure", "Not now")
    page.get_by_role("button", name="Next: choose your five").click()

    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    # Fewer than five matter a lot, so the "somewhat" one is offered too.
    expect(page.get_by_role("group", name="These matter somewhat")).to_be_visible()
    check_page(page)
    for value in ("Honesty", "Calm", "Fun"):
        page.get_by_label(value, exact=True).check()
    page.get_by_role("button", name="Next: in your own words").click()

    expect(page.get_by_text("Step 3 of 3")).to_be_visible()
    check_page(page)
    page.get_by_label(re.compile("What does honesty mean for me now")).fill("No more secrets.")
    page.get_by_label(re.compile("What does calm mean for me now")).fill("Quiet mornings.")
    page.get_by_role("button", name="Save my five").click()

    expect(page.get_by_text("Saved. These are your five for now.")).to_be_visible(timeout=20_000)
    current = page.get_by_role("region", name="Your five for now")
    expect(current.locator("li")).to_have_count(3)
    expect(current).to_contain_text("No more secrets.")
    check_page(page)

    page.get_by_role("link", name="Open your latest sort").click()
    expect(page.get_by_text("Quiet mornings.")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Delete this sort").click()
    expect(page.get_by_role("heading", name="Delete this sort?")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Keep it").click()
    expect(page.get_by_text("Quiet mornings.")).to_be_visible()


def tab_until(page: Page, selector: str, most: int = 80) -> None:
    """Tab forward until the focus is on `selector`, checking the focus ring each step."""
    for _ in range(most):
        page.keyboard.press("Tab")
        # A date box's calendar button is a tab stop inside the box that only
        # the browser draws a ring for; a script sees the box, without :focus.
        in_picker = page.evaluate(
            "() => document.activeElement.type === 'date' && !document.activeElement.matches(':focus')"
        )
        problem = "" if in_picker else page.evaluate(FOCUS_SHOWN)
        assert not problem, problem
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_sort_can_be_done_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/tools/values/sort/")
    tab_until(page, "#id_pile_honesty_0")
    page.keyboard.press("Space")
    tab_until(page, "#id_pile_kindness_0")
    page.keyboard.press("Space")
    tab_until(page, "button[value=next]")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    tab_until(page, "#choose-kindness")
    page.keyboard.press("Space")
    tab_until(page, "button[value=next]")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Step 3 of 3")).to_be_visible()
    tab_until(page, "#id_words_kindness")
    page.keyboard.type("Being gentle with myself.")
    tab_until(page, "button[value=save]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved. These are your five for now.")).to_be_visible(timeout=20_000)
    assert open_row(Sort.objects.get(owner=member)).top == [
        {"code": "kindness", "words": "Being gentle with myself."}
    ]


def test_without_javascript_a_sort_works_and_too_many_keeps_every_tick(
    browser, live_server, member
):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/values/sort/")
        six = ("Honesty", "Loyalty", "Respect", "Kindness", "Freedom", "Family")
        for value in six:
            mark(page, value)
        page.get_by_role("button", name="Next: choose your five").click()
        for value in six:
            page.get_by_label(value, exact=True).check()
        page.get_by_role("button", name="Next: in your own words").click()

        expect(page.get_by_role("alert")).to_contain_text(
            "You chose 6. Could you choose up to five?"
        )
        for value in six:
            expect(page.get_by_label(value, exact=True)).to_be_checked()
        page.get_by_label("Family", exact=True).uncheck()
        page.get_by_role("button", name="Next: in your own words").click()
        page.get_by_label(re.compile("What does freedom mean for me now")).fill("My own choices.")
        # Going back and forward again keeps the words.
        page.get_by_role("button", name="Back").click()
        expect(page.get_by_label("Freedom", exact=True)).to_be_checked()
        page.get_by_role("button", name="Next: in your own words").click()
        expect(page.get_by_label(re.compile("What does freedom mean"))).to_have_value(
            "My own choices."
        )
        page.get_by_role("button", name="Save my five").click()
        expect(page.get_by_text("Saved. These are your five for now.")).to_be_visible(
            timeout=20_000
        )
        assert [item["code"] for item in open_row(Sort.objects.get(owner=member)).top] == [
            "honesty",
            "loyalty",
            "respect",
            "kindness",
            "freedom",
        ]
    finally:
        context.close()
