"""Learn: open the lessons, read one, finish it, and carry its question into the journal."""

import re

import pytest
from playwright.sync_api import Page, expect

from reclaim.journal.models import Entry
from reclaim.learn.queries import progress_of
from reclaim.learn.tests.support import use_test_lessons

from .conftest import NARROW, PHONE, assert_accessible, assert_fits, go_to, sign_in
from .test_keyboard_journey import tab_to

pytestmark = pytest.mark.django_db(transaction=True)

REFLECTION = "Where is your quiet harbour this week?"


@pytest.fixture(autouse=True)
def _test_lessons(settings, monkeypatch):
    use_test_lessons(settings, monkeypatch)


def _check(page: Page) -> None:
    assert_accessible(page)
    assert_fits(page)
    expect(page).to_have_title(re.compile(r"^Reading ·"))


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320px", "360px"])
def test_a_lesson_can_be_read_finished_and_reflected_on_in_the_journal(page: Page, member, size):
    page.set_viewport_size(size)
    sign_in(page)
    go_to(page, "Learn")
    expect(page.get_by_role("heading", name="Learn", level=1)).to_be_visible()
    expect(page.get_by_text("Start wherever you like.")).to_be_visible()
    _check(page)

    page.get_by_role("list").get_by_role("link", name="A quiet harbour").click()
    expect(page.get_by_role("heading", name="A quiet harbour", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="A place to rest")).to_be_visible()
    _check(page)

    page.get_by_role("button", name="I've finished this lesson").click()
    expect(page.get_by_text("Marked as finished.")).to_be_visible()
    expect(page.get_by_role("heading", name="You finished this lesson")).to_be_visible()
    _check(page)
    assert "finished" in progress_of(member)["a-quiet-harbour"]

    # The lesson's question opens a journal entry that starts from it.
    expect(page.get_by_text(REFLECTION)).to_be_visible()
    page.get_by_role("link", name="Write about this").click()
    expect(page.get_by_role("heading", name="New entry")).to_be_visible()
    expect(page.get_by_text(REFLECTION)).to_be_visible()
    page.get_by_label("Write here").fill("The bench by the river, after work.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    assert Entry.objects.get(owner=member).prompt == "lesson-a-quiet-harbour"

    # Back on Learn, the program says where the member is.
    go_to(page, "Learn")
    expect(page.get_by_text("You have finished 1 of 3 lessons. There is no hurry.")).to_be_visible()
    expect(page.get_by_text("Up next:")).to_be_visible()
    _check(page)


def test_a_place_can_be_kept_with_the_keyboard_alone(page: Page, member):
    page.set_viewport_size(NARROW)
    sign_in(page)
    page.goto("/learn/")
    tab_to(page, "Tide tables")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Tide tables", level=1)).to_be_visible()
    tab_to(page, "Keep my place for later")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your place is kept. Come back whenever you like.")).to_be_visible()
    tab_to(page, "I've finished this lesson")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="You finished this lesson")).to_be_visible()
    tab_to(page, "Previous lesson: The lighthouse keeper")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="The lighthouse keeper", level=1)).to_be_visible()
    assert set(progress_of(member)) == {"tide-tables"}


def test_everything_works_without_javascript(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=NARROW, java_script_enabled=False
    )
    page = context.new_page()
    sign_in(page)
    page.goto("/learn/the-lighthouse-keeper/")
    page.get_by_role("button", name="Keep my place for later").click()
    expect(page.get_by_text("Your place is kept.", exact=False).first).to_be_visible()
    page.goto("/learn/")
    expect(page.get_by_text("Carry on with")).to_be_visible()
    page.get_by_role("link", name="The lighthouse keeper").first.click()
    page.get_by_role("button", name="I've finished this lesson").click()
    expect(page.get_by_role("heading", name="You finished this lesson")).to_be_visible()
    page.get_by_role("button", name="Mark as not finished").click()
    expect(page.get_by_text("Marked as not finished.")).to_be_visible()
    page.get_by_role("link", name="Write about this").click()
    expect(page.get_by_text("What keeps your light steady when the weather turns?")).to_be_visible()
    context.close()
