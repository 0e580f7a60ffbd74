"""Clarity on options in a real browser: write a view, update it, read the history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from reclaim.toolkit.options.actions import do_save_snapshot
from reclaim.toolkit.options.models import PATH_CODES, QUESTION_CODES, Snapshot
from reclaim.vault.fields import open_row

from .conftest import NARROW, PHONE, check_page, sign_in
from .test_tool_anger import tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def earlier_view(member, days_ago: int, drawn: dict[str, int]) -> Snapshot:
    view = {
        code: {"drawn": drawn[code], **{question: "" for question in QUESTION_CODES}}
        for code in PATH_CODES
    }
    view["undecided"]["need"] = "Some sleep first."
    snapshot, _ = do_save_snapshot(member, view)
    Snapshot.objects.filter(pk=snapshot.pk).update(
        created=snapshot.created - timedelta(days=days_ago),
        day=snapshot.day - timedelta(days=days_ago),
    )
    return snapshot


@pytest.mark.parametrize("size", [NARROW, PHONE], ids=["320px", "360px"])
def test_a_view_is_written_updated_and_its_history_read(page: Page, member, size):
    page.set_viewport_size(size)
    sign_in(page)
    page.goto("/tools/options/")
    expect(page.get_by_role("heading", name="Your safety comes first")).to_be_visible()
    expect(page.get_by_role("link", name="Staying safe at home")).to_be_visible()
    check_page(page)

    page.get_by_role("link", name="Write down where you stand").click()
    expect(page.get_by_role("heading", name="Where you stand today")).to_be_visible()
    check_page(page)
    page.locator("#id_work_drawn").fill("7")
    expect(page.locator("#id_work_drawn-value")).to_have_text("7")
    page.locator("#id_work_need").fill("Honest answers, without me digging.")
    page.locator("#id_space_drawn").fill("4")
    page.locator("#id_space_step").fill("Ask my sister about her spare room.")
    page.get_by_role("button", name="Save with today's date").click()

    expect(page.get_by_text("Saved, with today's date.")).to_be_visible()
    expect(page.get_by_text("Honest answers, without me digging.")).to_be_visible()
    check_page(page)

    # The update starts from the last words; only what changed is touched.
    page.get_by_role("link", name="Update where you stand").click()
    expect(page.locator("#id_work_need")).to_have_value("Honest answers, without me digging.")
    expect(page.locator("#id_work_drawn")).to_have_value("7")
    page.locator("#id_space_drawn").fill("8")
    page.get_by_role("button", name="Save with today's date").click()
    expect(page.locator("tbody tr")).to_have_count(2)
    expect(page.locator("tbody tr").last.locator("td")).to_have_text(["7", "8", "5", "5"])
    check_page(page)

    page.locator("tbody tr").first.get_by_role("link").click()
    expect(page.get_by_text("How drawn: 4 of 10")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Delete this view").click()
    check_page(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.locator("tbody tr")).to_have_count(1)


def test_the_history_chart_shows_how_the_view_moved(page: Page, member):
    page.set_viewport_size(NARROW)
    earlier_view(member, 20, {"work": 8, "space": 2, "separate": 1, "undecided": 6})
    earlier_view(member, 5, {"work": 5, "space": 5, "separate": 3, "undecided": 6})
    sign_in(page)
    page.goto("/tools/options/")
    # A phone gets the narrow drawing, so its words stay big enough to read.
    charts = page.get_by_role("img", name="How drawn you felt to each path")
    expect(charts).to_have_count(1)  # the hidden wide drawing is not announced
    expect(page.locator(".chart-compact svg")).to_be_visible()
    expect(page.locator(".chart-wide svg")).to_be_hidden()
    expect(page.locator("tbody tr").first.locator("td")).to_have_text(["8", "2", "1", "6"])
    check_page(page)


def test_a_view_can_be_written_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/tools/options/")
    tab_to(page, "Write down where you stand")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Where you stand today")).to_be_visible()
    tab_to(page, "How drawn to it do you feel right now?")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    tab_to(page, "How it fits my values")
    page.keyboard.type("Family matters to me.")
    tab_to(page, "Save with today's date", most=120)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved, with today's date.")).to_be_visible()
    snapshot = open_row(Snapshot.objects.get(owner=member))
    assert snapshot.drawn("work") == 3
    assert snapshot.words("work", "values") == "Family matters to me."


def test_options_work_without_javascript(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/tools/options/new/")
        page.locator("#id_separate_pros").fill("A quieter home.")
        page.get_by_role("button", name="Save with today's date").click()
        expect(page.get_by_text("A quieter home.")).to_be_visible()
        page.get_by_role("link", name="Update where you stand").click()
        expect(page.locator("#id_separate_pros")).to_have_value("A quieter home.")
    finally:
        context.close()
