"""Self-care in the browser: a small plan, a one-tap log, and a kind weekly view."""

import re

import pytest
from playwright.sync_api import Page, expect

from reclaim.toolkit.selfcare.models import Activity, Done
from reclaim.vault.fields import open_row

from .conftest import NARROW, PHONE, check_page, sign_in
from .test_keyboard_journey import tab_to

pytestmark = pytest.mark.django_db(transaction=True)


KIND = "Rest counts too. Whenever you are ready, one small thing is enough."


def _make_plan(page: Page) -> None:
    page.get_by_role("link", name="Make your plan").click()
    expect(page.get_by_role("heading", name="Your self-care plan")).to_be_visible()
    page.get_by_role("checkbox", name="Go for a short walk").check()
    page.get_by_role("checkbox", name="Call a friend").check()
    page.get_by_label("Or add your own, for joy").fill("Water the tomatoes")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_text("Your plan is saved.")).to_be_visible()


@pytest.mark.parametrize("viewport", [NARROW, PHONE], ids=["320", "360"])
def test_a_plan_a_tap_and_a_week_that_celebrates_it(page: Page, member, viewport):
    page.set_viewport_size(viewport)
    sign_in(page)
    page.goto("/tools/self-care/")
    expect(page.get_by_text(KIND)).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Make your plan").click()
    check_page(page)
    page.goto("/tools/self-care/")
    _make_plan(page)
    check_page(page)

    # One tap, with a note opened from "Add a note".
    walk = page.locator("li", has=page.get_by_text("Go for a short walk", exact=True))
    walk.get_by_text("Add a note").click()
    walk.get_by_label(re.compile("^A note")).fill("Round the park")
    walk.get_by_role("button", name=re.compile("^I did this today")).click()
    expect(page.get_by_text("Noted. Well done for making the time.")).to_be_visible()
    expect(page.get_by_text("This week you made time for: a walk.")).to_be_visible()
    walk = page.locator("li", has=page.get_by_text("Go for a short walk", exact=True))
    expect(walk.get_by_role("button", name=re.compile("^I did it again"))).to_be_visible()
    check_page(page)

    page.get_by_role("link", name="See this week, day by day").click()
    expect(page.get_by_role("heading", name="This week")).to_be_visible()
    expect(page.get_by_text("Round the park")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Earlier week").click()
    expect(page.get_by_text(KIND)).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Later week").click()
    page.get_by_role("link", name=re.compile("^Take this off your log")).click()
    check_page(page)
    page.get_by_role("button", name="Take it off").click()
    expect(page.get_by_text("It is taken off your log.")).to_be_visible()
    assert not Done.objects.filter(owner=member).exists()

    # Change the plan: the member's own words, and taking one off.
    page.goto("/tools/self-care/plan/")
    page.get_by_role("link", name="Change “Water the tomatoes”").click()
    check_page(page)
    page.get_by_label("In your own words").fill("Water the beans")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Water the beans", exact=True)).to_be_visible()
    page.get_by_role("link", name=re.compile("^Take off the plan")).click()
    check_page(page)
    page.get_by_role("button", name="Take it off").click()
    expect(page.get_by_text("Water the beans", exact=True)).to_have_count(0)
    assert Activity.objects.filter(owner=member).count() == 2


def test_a_tap_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/tools/self-care/plan/")
    page.wait_for_load_state()
    tab_to(page, "Go for a short walk")
    page.keyboard.press("Space")
    tab_to(page, "Save my plan")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your plan is saved.")).to_be_visible()
    page.wait_for_load_state()
    tab_to(page, "Add a note to Go for a short walk")
    page.keyboard.press("Enter")
    tab_to(page, "A note (if you like)")
    page.keyboard.type("Before breakfast")
    tab_to(page, "I did this today: Go for a short walk")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Noted. Well done for making the time.")).to_be_visible()
    assert open_row(Done.objects.get(owner=member)).note == "Before breakfast"


def test_without_javascript_everything_still_works(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/self-care/")
        _make_plan(page)
        tomatoes = page.locator("li", has=page.get_by_text("Water the tomatoes", exact=True))
        tomatoes.get_by_role("button", name=re.compile("^I did this today")).click()
        expect(page.get_by_text("This week you made time for: Water the tomatoes.")).to_be_visible()
        tomatoes = page.locator("li", has=page.get_by_text("Water the tomatoes", exact=True))
        tomatoes.get_by_role("button", name=re.compile("^I did it again")).click()
        expect(page.get_by_text("Water the tomatoes ×2")).to_be_visible()
        assert Done.objects.filter(owner=member).count() == 2
    finally:
        context.close()


@pytest.fixture(scope="module", autouse=True)
def _risk_model_first(risk_model_loaded):
    """Every journey here saves words, so the model is loaded before the first."""
