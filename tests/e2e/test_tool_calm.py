"""The Calm tool in a real browser: grounding, breathing and parking a thought.

At phone widths, with the keyboard alone, without JavaScript, and with
reduced motion, with axe on every page of the tool.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from reclaim.toolkit.calm.models import Grounding, Thought
from reclaim.vault.fields import open_row

from .conftest import NARROW, PHONE, assert_accessible, check_page, sign_in

# Three hours from now: "Later today", or after 21:00 "In a few hours".
LATER = re.compile("Later today|In a few hours")

pytestmark = pytest.mark.django_db(transaction=True)

WORRY = "What if they are still in touch and I cannot tell?"


def ground_through_the_five_senses(page: Page, *, axe: bool = True) -> None:
    expect(page.get_by_role("heading", name="5 things you can see")).to_be_visible()
    page.get_by_label("Things I can see").fill("the lamp, the blue mug")
    if axe:  # axe runs in the page, so only with JavaScript on
        check_page(page)
    page.get_by_role("button", name="Next").click()
    for heading in (
        "4 things you can touch",
        "3 things you can hear",
        "2 things you can smell",
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page.get_by_role("link", name="Stop here")).to_be_visible()
        page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="1 thing you can taste")).to_be_visible()
    page.get_by_label("Something I can taste").fill("mint")
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="You did it")).to_be_visible()
    expect(page.get_by_text("the lamp, the blue mug")).to_be_visible()


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320px", "360px"])
def test_a_member_grounds_breathes_parks_a_thought_and_comes_back_to_it(page: Page, member, size):
    page.set_viewport_size(size)
    sign_in(page)
    page.goto("/today/")
    page.get_by_role("link", name="Calm", exact=True).click()
    expect(page.get_by_role("heading", name="Calm", exact=True)).to_be_visible()
    check_page(page)

    # Ground yourself, and keep the notes.
    page.get_by_role("link", name=re.compile("^Ground yourself")).click()
    ground_through_the_five_senses(page)
    check_page(page)
    page.get_by_role("button", name="Keep my notes").click()
    expect(page.get_by_text("Your notes are kept.")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"\d{2}:\d{2}$")).first.click()
    expect(page.get_by_text("mint")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Delete").click()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    assert not Grounding.objects.filter(owner=member).exists()

    # Breathe slowly: the circle and the cue start with a tap.
    page.get_by_role("link", name=re.compile("^Breathe slowly")).click()
    check_page(page)
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".pacer-cue")).to_have_text("Breathe in…")
    check_page(page)
    page.get_by_role("button", name="Stop", exact=True).click()
    expect(page.locator(".pacer-cue")).to_contain_text("Stopped.")
    page.get_by_role("link", name="Back to Calm").click()

    # Park a thought until the worry time.
    page.get_by_role("link", name=re.compile("^Park a thought")).click()
    check_page(page)
    page.get_by_label("What is on your mind?").fill(WORRY)
    page.get_by_label(re.compile("At my worry time")).check()
    page.get_by_role("button", name="Park it").click()
    expect(page.get_by_text(re.compile("^Parked until"))).to_be_visible()
    expect(page.get_by_text(WORRY)).to_have_count(0)
    check_page(page)

    # The time comes: a gentle notice, then the thought and what I think now.
    Thought.objects.filter(owner=member).update(due=timezone.now() - timedelta(minutes=1))
    page.reload()
    expect(page.get_by_text("A thought you parked is ready when you are.")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Look at it").click()
    page.locator("#ready + ul").get_by_role("link").first.click()
    expect(page.get_by_text(WORRY)).to_be_visible()
    check_page(page)
    page.get_by_label("What do you think about it now?").fill("Smaller now. I can ask tomorrow.")
    page.get_by_role("button", name="Save and put it to rest").click()
    expect(page.get_by_text("Saved, and put to rest.")).to_be_visible()
    expect(page.get_by_text("ready when you are")).to_have_count(0)

    # Put to rest, it can be read again, parked again or deleted.
    page.get_by_role("link", name=re.compile(r"^Thoughts you put to rest")).click()
    check_page(page)
    page.get_by_role("link", name=re.compile("^Parked")).first.click()
    expect(page.get_by_text("Smaller now. I can ask tomorrow.")).to_be_visible()
    page.get_by_role("link", name="Park it again").click()
    check_page(page)
    page.get_by_label(LATER).check()
    page.get_by_role("button", name="Park it again").click()
    expect(page.get_by_text(re.compile("^Parked again until"))).to_be_visible()
    page.get_by_role("link", name="Your worry time and reminders").click()
    check_page(page)
    page.get_by_label("My worry time").fill("20:30")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    page.locator(".entries a").first.click()
    page.get_by_role("link", name="Delete").click()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("The thought is deleted.")).to_be_visible()
    assert not Thought.objects.filter(owner=member).exists()


def focused(page: Page) -> str:
    return page.evaluate(
        "() => (document.activeElement.getAttribute('aria-label') ||"
        " (document.activeElement.labels && document.activeElement.labels[0]"
        "  ? document.activeElement.labels[0].textContent : '') ||"
        " document.activeElement.textContent || '').replace(/\\s+/g, ' ').trim()"
    )


def tab_to(page: Page, starts: str, most: int = 40) -> None:
    for _ in range(most):
        page.keyboard.press("Tab")
        if focused(page).startswith(starts):
            return
    raise AssertionError(f"Tab never reached {starts!r}")


def test_the_keyboard_alone_reaches_calm_grounds_and_parks_a_thought(page: Page, member):
    sign_in(page)
    page.goto("/today/")
    tab_to(page, "Calm")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Calm", exact=True)).to_be_visible()

    tab_to(page, "Ground yourself")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="5 things you can see")).to_be_visible()
    tab_to(page, "Things I can see")
    page.keyboard.type("a window")
    page.keyboard.press("Enter")  # the first button, Next
    expect(page.get_by_role("heading", name="4 things you can touch")).to_be_visible()
    tab_to(page, "Back")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="5 things you can see")).to_be_visible()
    expect(page.get_by_label("Things I can see")).to_have_value("a window")
    tab_to(page, "Stop here")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Calm", exact=True)).to_be_visible()

    tab_to(page, "Park a thought")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Park a thought")).to_be_visible()
    tab_to(page, "What is on your mind?")
    page.keyboard.type(WORRY)
    tab_to(page, "At my worry time")
    page.keyboard.press("ArrowDown")  # Later today
    expect(page.get_by_label(LATER)).to_be_checked()
    tab_to(page, "Park it")
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile("^Parked until"))).to_be_visible()
    thought = open_row(Thought.objects.get(owner=member))
    assert thought.due > timezone.now() + timedelta(hours=2)


def test_without_javascript_the_pacer_is_a_written_guide_and_the_rest_works(
    browser, live_server, member
):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/calm/breathe/")
        expect(page.get_by_role("heading", name="The rhythm in words")).to_be_visible()
        expect(page.get_by_text(re.compile("Breathe in gently through your nose"))).to_be_visible()
        expect(page.get_by_role("button", name="Start")).to_be_hidden()
        page.get_by_text("Count along, breath by breath").click()
        expect(page.locator(".calm-breaths li")).to_have_count(12)
        page.get_by_label("In 4, hold 2, out 6 seconds").check()
        page.get_by_label("1 minute", exact=True).check()
        page.get_by_role("button", name="Use this").click()
        expect(page.locator(".calm-breaths li")).to_have_count(5)
        # (axe needs JavaScript; it checks these pages in the journey above.)

        page.goto("/tools/calm/ground/")
        ground_through_the_five_senses(page, axe=False)
        page.get_by_role("button", name="Keep my notes").click()
        expect(page.get_by_text("Your notes are kept.")).to_be_visible()

        page.goto("/tools/calm/park/")
        page.get_by_label("What is on your mind?").fill(WORRY)
        page.get_by_label("A day and time I choose").check()
        day = timezone.localdate(timezone.now(), member.zone) + timedelta(days=2)
        page.get_by_label("Day", exact=True).fill(day.isoformat())
        page.get_by_label("Time", exact=True).fill("09:30")
        page.get_by_role("button", name="Park it").click()
        expect(page.get_by_text(re.compile(r"^Parked until .* 09:30\."))).to_be_visible()
    finally:
        context.close()


CIRCLE = """() => {
  const circle = document.querySelector('.pacer-circle');
  return {moving: circle.classList.contains('pacer-moving'),
          transform: getComputedStyle(circle).transform};
}"""


def start_pacer(browser, live_server, motion: str):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, reduced_motion=motion)
    page = context.new_page()
    sign_in(page)
    page.goto("/tools/calm/breathe/?minutes=1")
    page.get_by_role("button", name="Start").click()
    return context, page


def test_with_reduced_motion_only_the_words_change(browser, live_server, member):
    context, page = start_pacer(browser, live_server, "reduce")
    try:
        cue = page.locator(".pacer-cue")
        expect(cue).to_have_text("Breathe in…")
        expect(cue).to_have_attribute("aria-live", "polite")
        assert page.evaluate(CIRCLE) == {"moving": False, "transform": "none"}
        expect(cue).to_have_text("Breathe out…", timeout=6000)
        assert page.evaluate(CIRCLE) == {"moving": False, "transform": "none"}
        assert_accessible(page)
    finally:
        context.close()


def test_without_reduced_motion_the_circle_breathes(browser, live_server, member):
    context, page = start_pacer(browser, live_server, "no-preference")
    try:
        expect(page.locator(".pacer-cue")).to_have_text("Breathe in…")
        page.wait_for_timeout(500)
        state = page.evaluate(CIRCLE)
        assert state["moving"] is True
        assert state["transform"] != "none"
    finally:
        context.close()
