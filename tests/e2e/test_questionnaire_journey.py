"""Questionnaires in a phone's browser: taking them, their results, progress and the summary.

Answers are chosen by their labels, the way a member taps them, and the
numbers are checked where the member reads them: on the result page, in the
chart's table and in the downloaded PDF.
"""

import io
import re
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from reclaim.assessments.actions import do_save_answers, do_save_result
from reclaim.assessments.models import InProgress, Result
from reclaim.checkins.actions import do_create_checkin
from reclaim.core.numbers import format_day
from reclaim.safety.models import RiskEvent
from reclaim.vault.fields import open_row, open_rows

from .conftest import NARROW, PHONE, assert_accessible, assert_fits, go_to, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NOT_AT_ALL = "Not at all"
SEVERAL_DAYS = "Several days"
MORE_THAN_HALF = "More than half the days"

# PHQ-9 item 9 stays at "Not at all" in both rounds, so only the safety test opens that path.
PHQ9_FIRST = [MORE_THAN_HALF] * 8 + [NOT_AT_ALL]  # 16: moderately severe
PHQ9_SECOND = [SEVERAL_DAYS] * 4 + [NOT_AT_ALL] * 5  # 4: minimal
WHO5_FIRST = ["Less than half of the time"] * 5  # raw 10, 40 %: poor
WHO5_SECOND = ["Most of the time"] * 5  # raw 20, 80 %: good


def question(page: Page, number: int) -> Locator:
    """The radio group of one question, found by its legend as a screen reader names it."""
    return page.get_by_role("group", name=re.compile(rf"^Question {number} of \d+"))


def choose(page: Page, number: int, label: str) -> None:
    question(page, number).get_by_role("radio", name=label, exact=True).check()


def take(page: Page, code: str, labels: list[str]) -> None:
    """Answer every question in order, paging on with Next, then finish."""
    page.goto(f"/check/{code}/")
    for number, label in enumerate(labels, start=1):
        if question(page, number).count() == 0:
            page.get_by_role("button", name="Next").click()
            expect(page.locator("#progress-note")).to_contain_text(f"{number - 1} of")
        choose(page, number, label)
    page.get_by_role("button", name="See my result").click()
    expect(page).to_have_url(re.compile(r"/check/result/[0-9a-f-]+/$"))
    expect(page.get_by_role("heading", name="Your result", level=1)).to_be_visible()


def expect_result(page: Page, score: str, band: str) -> None:
    card = page.locator("main .card", has_text="Your score:")
    expect(card.get_by_text("Your score:")).to_contain_text(score)
    expect(card.get_by_role("heading", name=band, exact=True)).to_be_visible()
    expect(page.get_by_text("This is not a diagnosis.")).to_be_visible()


def chart_region(page: Page, name: str) -> Locator:
    questionnaires = page.get_by_role("region", name="Your questionnaires")
    return questionnaires.get_by_role("region", name=name, exact=True)


def test_two_rounds_of_phq9_and_who5_show_on_the_chart_and_in_the_pdf(page: Page, member):
    page.set_viewport_size(PHONE)
    # A few check-ins, so the summary has trends to draw beside the scores.
    for days_ago in (3, 2, 1):
        do_create_checkin(
            member,
            {"mood": 4 + days_ago, "anger": 3, "anxiety": 6, "sleep": 5, "self_worth": 4},
            now=timezone.now() - timedelta(days=days_ago),
        )
    sign_in(page)

    # The first round.
    take(page, "phq9", PHQ9_FIRST)
    expect_result(page, "16 out of 27", "You are carrying a lot")
    expect(page.get_by_role("heading", name="Since last time")).to_have_count(0)
    take(page, "who5", WHO5_FIRST)
    expect_result(page, "40 out of 100", "Low well-being")

    # Twenty days pass.
    earlier = timezone.now() - timedelta(days=20)
    assert Result.objects.filter(owner=member).update(taken=earlier) == 2

    # The second round, and the change since the first in words.
    take(page, "phq9", PHQ9_SECOND)
    expect_result(page, "4 out of 27", "Few signs of low mood")
    since = page.locator(".card", has=page.get_by_role("heading", name="Since last time"))
    expect(since).to_contain_text("16 out of 27")
    expect(since).to_contain_text("a real improvement")
    take(page, "who5", WHO5_SECOND)
    expect_result(page, "80 out of 100", "Good well-being")
    expect(page.locator(".card", has_text="Since last time")).to_contain_text("a real improvement")
    assert Result.objects.filter(owner=member).count() == 4
    assert not InProgress.objects.filter(owner=member).exists()

    # Progress: each questionnaire as a picture, with both results in its numbers.
    go_to(page, "Progress")
    expect(page).to_have_url(re.compile(r"/today/progress/$"))
    zone = member.zone
    first_day = earlier.astimezone(zone).date()
    second_day = timezone.now().astimezone(zone).date()
    with_year = first_day.year != second_day.year
    expected = {
        "Mood and energy": (["16", "You are carrying a lot"], ["4", "Few signs of low mood"]),
        "Well-being": (["40", "Low well-being"], ["80", "Good well-being"]),
    }
    for name, (first_cells, second_cells) in expected.items():
        region = chart_region(page, name)
        # On a phone the narrow drawing shows, titled for a screen reader.
        chart = region.get_by_role("img", name=re.compile(rf"^{name}: your results"))
        expect(chart).to_have_count(1)
        expect(chart).to_be_visible()
        expect(chart.locator("title")).to_have_text(f"{name}: your results")
        region.get_by_text("Show the numbers").click()
        table = region.get_by_role("table")
        expect(table.get_by_role("row")).to_have_count(3)  # the header and two results
        first = table.get_by_role("row", name=re.compile(format_day(first_day, with_year)))
        second = table.get_by_role("row", name=re.compile(format_day(second_day, with_year)))
        expect(first.get_by_role("cell")).to_have_text([*first_cells, ""])
        expect(second.get_by_role("cell")).to_have_text([*second_cells, "A real improvement"])

    # The summary: chosen on a form, downloaded as a PDF with a neutral name.
    page.get_by_role("link", name="Make a summary").click()
    expect(page.get_by_role("heading", name="A summary to share")).to_be_visible()
    page.get_by_role("checkbox", name="Check-ins: charts and averages").check()
    page.get_by_role("checkbox", name="Questionnaires: scores and changes").check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the summary (PDF)").click()
    download = download_info.value
    assert re.fullmatch(r"summary-\d{4}-\d\d\.pdf", download.suggested_filename)
    with open(download.path(), "rb") as pdf_file:
        pdf = pdf_file.read()
    assert pdf.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Daily check-ins" in text
    assert "Questionnaires" in text
    # Both PHQ-9 totals, and both WHO-5 percentages, with what each suggests.
    assert "4 out of 27" in text  # the latest, in words
    assert re.search(r"\b16 You are carrying a lot\b", text), text
    assert re.search(r"\b4 Few signs of low mood A real improvement\b", text), text
    assert "80 out of 100" in text
    assert re.search(r"\b40 Low well-being\b", text), text
    assert re.search(r"\b80 Good well-being A real improvement\b", text), text
    # Nothing names the member's private words in the file's name.
    assert "phq" not in download.suggested_filename.lower()


def test_thoughts_of_self_harm_open_help_first_and_the_result_is_kept(page: Page, member):
    page.set_viewport_size(PHONE)
    sign_in(page)
    take(page, "phq9", [NOT_AT_ALL] * 8 + [SEVERAL_DAYS])

    # Help comes before any number: the country's emergency number, then a crisis line.
    panel = page.locator("#safety-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Your answers are saved.")
    calls = panel.locator("a[href^='tel:']")
    expect(calls.first).to_have_attribute("href", "tel:999")
    expect(calls.first).to_have_text("Call 999")
    expect(calls.nth(1)).to_have_text("Call 116 123")
    expect(panel.get_by_role("heading", name="Samaritans")).to_be_visible()
    panel_box = panel.bounding_box()
    score_box = page.get_by_text("Your score:").bounding_box()
    assert panel_box["y"] < score_box["y"], "the panel should come before the score"
    expect_result(page, "1 out of 27", "Few signs of low mood")
    assert_accessible(page)
    assert_fits(page)

    saved = open_row(Result.objects.get(owner=member, code="phq9"))
    assert saved.answers == [0] * 8 + [1]
    assert "safety" in saved.summary["flags"]
    assert [(e.source, e.level) for e in open_rows(RiskEvent.objects.filter(owner=member))] == [
        ("assessment", "urgent")
    ]

    # Closing the panel leaves the result's own support beside the numbers.
    panel.get_by_role("button", name="I'm OK for now").click()
    expect(page.locator("#safety-panel")).to_have_count(0)
    support = page.locator("#support")
    expect(support.locator("a[href^='tel:']").first).to_have_attribute("href", "tel:999")
    expect(support).to_contain_text("Samaritans")


def expect_three_answers_kept(page: Page) -> None:
    page.goto("/check/phq9/")
    expect(page.get_by_text("Welcome back.")).to_be_visible()
    expect(page.locator("#progress-note")).to_contain_text("3 of 9 answered")
    for number, label in ((1, SEVERAL_DAYS), (2, MORE_THAN_HALF), (3, NOT_AT_ALL)):
        expect(question(page, number).get_by_role("radio", name=label, exact=True)).to_be_checked()
    expect(question(page, 4).get_by_role("radio", checked=True)).to_have_count(0)


def answer_three(page: Page) -> None:
    page.goto("/check/phq9/")
    choose(page, 1, SEVERAL_DAYS)
    choose(page, 2, MORE_THAN_HALF)
    choose(page, 3, NOT_AT_ALL)


def wait_for_answers_kept(member, count: int, timeout: float = 5.0) -> None:
    """The answers go to the server as the page closes; wait until they are in."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        progress = open_row(InProgress.objects.filter(owner=member, code="phq9").first())
        if progress is not None and len(progress.answer_map) == count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{count} answers were not kept within {timeout} s")


def test_answers_are_kept_when_the_member_taps_away_and_comes_back(page: Page, member):
    sign_in(page)
    answer_three(page)
    # No button pressed: the member just goes to Today.
    go_to(page, "Today")
    expect(page).to_have_url(re.compile(r"/today/$"))
    wait_for_answers_kept(member, 3)
    expect_three_answers_kept(page)
    # The questionnaire list offers to carry on rather than start again.
    page.goto("/check/")
    mood = page.get_by_role("region", name="Mood and energy", exact=True)
    expect(mood.get_by_role("link", name=re.compile(r"^Carry on"))).to_be_visible()


def test_without_javascript_save_for_later_keeps_the_answers(browser, live_server, member):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page)
        answer_three(page)
        page.get_by_role("button", name="Save for later").click()
        expect(page.get_by_text("Your answers are kept. You can carry on")).to_be_visible()
        go_to(page, "Today")
        expect(page).to_have_url(re.compile(r"/today/$"))
        expect_three_answers_kept(page)
    finally:
        context.close()


def test_a_question_left_out_is_named_and_the_other_answers_stay(page: Page, member):
    sign_in(page)
    page.goto("/check/phq9/")
    for number in (1, 2, 4, 5):
        choose(page, number, SEVERAL_DAYS)
    page.get_by_role("button", name="Next").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("One question still needs an answer")
    expect(alert.get_by_role("link")).to_have_text(
        "Question 3: Trouble falling or staying asleep, or sleeping too much"
    )
    expect(page.locator("#progress-note")).to_contain_text("Page 1 of 2")
    third = question(page, 3)
    expect(third).to_have_attribute("aria-describedby", "q3-error")
    expect(page.locator("#q3-error")).to_contain_text("This one still needs an answer.")
    for number in (1, 2, 4, 5):
        expect(
            question(page, number).get_by_role("radio", name=SEVERAL_DAYS, exact=True)
        ).to_be_checked()
    assert_accessible(page)

    # The link leads to the question; answering it moves on.
    alert.get_by_role("link").click()
    choose(page, 3, NOT_AT_ALL)
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#progress-note")).to_contain_text("Page 2 of 2 · 5 of 9 answered")


@pytest.fixture
def results(member):
    """Two rounds of PHQ-9 and WHO-5, a PHQ-9 half answered, and a few check-ins."""
    now = timezone.now()
    for days_ago, phq9, who5 in ((20, [2] * 8 + [0], [2] * 5), (0, [1] * 4 + [0] * 5, [4] * 5)):
        do_save_result(member, "phq9", phq9, taken=now - timedelta(days=days_ago))
        last = do_save_result(member, "who5", who5, taken=now - timedelta(days=days_ago))
    for days_ago in range(10, -1, -1):
        do_create_checkin(
            member,
            {"mood": 3 + days_ago % 4, "anger": 4, "anxiety": 5, "sleep": 6, "self_worth": 5},
            now=now - timedelta(days=days_ago),
        )
    do_save_answers(member, "gad7", {1: 1, 2: 2})
    return last


def test_questionnaire_pages_are_accessible_and_fit_a_small_phone(page: Page, results):
    page.set_viewport_size(NARROW)
    sign_in(page)
    pages = [
        "/check/",
        "/check/phq9/?page=1",
        "/check/phq9/?page=2",
        "/check/gad7/",
        f"/check/result/{results.id}/",
        "/check/history/phq9/",
        "/today/progress/",
        "/today/summary/",
        "/help/",
        "/help/home-safety/",
    ]
    for path in pages:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        # Open every table of numbers too, so they are checked as they are read.
        for summary in page.locator("details > summary").all():
            summary.click()
        assert_accessible(page)
        assert_fits(page)
