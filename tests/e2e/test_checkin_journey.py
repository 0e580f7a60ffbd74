"""A check-in on a phone: quick to do, honest about what was left out, and shown on Today."""

import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from reclaim.checkins.models import CheckIn
from reclaim.vault.fields import open_row

from .conftest import NARROW, PHONE, check_page, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# M2: a check-in in under 30 seconds means few taps and little scrolling.
MOST_TAPS = 6
MOST_SCREENS = 1.5


class Taps:
    """Clicks a member makes, counted, so the test can hold the form to its budget."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.count = 0

    def number(self, scale: str, value: str) -> None:
        self.count += 1
        group = self.page.get_by_role("group", name=scale)
        group.get_by_role("radio", name=re.compile(rf"^{value}\b")).click()

    def click(self, locator) -> None:
        self.count += 1
        locator.click()


def test_a_new_member_checks_in_with_six_taps_on_one_and_a_half_screens(
    page: Page, member, output_path: str, risk_model_loaded
):
    page.set_viewport_size(PHONE)
    sign_in(page)
    page.goto("/checkin/")
    expect(page.get_by_role("heading", name="How are you right now?")).to_be_visible()
    check_page(page)

    # From the top of the page to the bottom of Save, scrolled as it lies.
    save = page.get_by_role("button", name="Save")
    bottom = page.evaluate(
        "(el) => el.getBoundingClientRect().bottom + window.scrollY", save.element_handle()
    )
    page.screenshot(path=Path(output_path) / "checkin-360x740.png", full_page=True)
    assert bottom <= MOST_SCREENS * PHONE["height"], f"Save ends {bottom:.0f}px down"

    # Four scales and Save; self-worth is left alone.
    taps = Taps(page)
    taps.number("Mood", "7")
    taps.number("Anger", "0")
    taps.number("Anxiety or racing thoughts", "10")
    taps.number("Sleep last night", "4")
    expect(page.get_by_role("group", name="Mood").get_by_role("radio", name="7")).to_be_checked()
    taps.click(save)
    assert taps.count <= MOST_TAPS

    # Thanks, what was kept, and one next step that fits the numbers.
    expect(page).to_have_url(re.compile(r"/checkin/[0-9a-f-]+/saved/"))
    expect(page.get_by_role("heading", name="Thank you for checking in.")).to_be_visible()
    expect(
        page.get_by_text("Mood 7 · Anger 0 · Anxiety 10 · Sleep 4 · Self-worth not rated")
    ).to_be_visible()
    suggestion = page.locator("main .card").first
    expect(suggestion.get_by_role("heading", level=2)).to_have_text("Your thoughts sound busy")
    checkin = open_row(CheckIn.objects.get(owner=member))
    assert checkin.scale_values == {
        "mood": 7,
        "anger": 0,
        "anxiety": 10,
        "sleep": 4,
        "self_worth": None,
    }
    page.get_by_role("link", name="Go to Today").click()

    # Today: the numbers given, "not rated" for the one left alone, never a 5.
    expect(page.get_by_role("heading", name="You checked in today.")).to_be_visible()
    numbers = page.locator("dl.numbers")
    for label, value in (
        ("Mood", "7"),
        ("Anger", "0"),
        ("Anxiety", "10"),
        ("Self-worth", "not rated"),
    ):
        expect(numbers.locator("div", has=page.get_by_text(label, exact=True))).to_contain_text(
            value
        )
    page.get_by_text("Show the numbers").click()
    today = timezone.now().astimezone(member.zone).date()
    row = page.get_by_role("row", name=re.compile(rf"{today:%a} {today.day} {today:%b}"))
    expect(row.get_by_role("cell")).to_have_text(["7", "0", "10", "4", "–"])


def test_triggers_and_a_note_unfold_and_a_number_can_be_cleared(
    page: Page, member, risk_model_loaded
):
    page.set_viewport_size(NARROW)
    sign_in(page)
    page.goto("/checkin/")
    mood = page.get_by_role("group", name="Mood")
    mood.get_by_role("radio", name="3").click()
    anger = page.get_by_role("group", name="Anger")
    anger.get_by_role("radio", name="8").click()
    # A second thought: anger is left out after all.
    anger.get_by_role("radio", name="Not rated").click()
    expect(anger.get_by_role("radio", name="8")).not_to_be_checked()

    # Folded until wanted, then as before.
    chip = page.get_by_role("checkbox", name="Their phone")
    expect(chip).to_be_hidden()
    page.locator("summary", has_text="Anything that set you off?").click()
    chip.check()
    page.get_by_label("Add your own").fill("Wedding photos")
    page.locator("summary", has_text="A note, if you like").click()
    page.get_by_label("A note, if you like").fill("Walked by the sea after lunch.")
    check_page(page)
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(r"/checkin/[0-9a-f-]+/saved/"))
    checkin = open_row(CheckIn.objects.get(owner=member))
    assert checkin.scores == {"mood": 3}
    assert checkin.triggers == ["Their phone", "Wedding photos"]
    assert checkin.note == "Walked by the sea after lunch."

    # Editing keeps what was left alone as it was.
    page.get_by_role("link", name="Change this one").click()
    expect(
        page.get_by_role("group", name="Anger").get_by_role("radio", name="Not rated")
    ).to_be_checked()
    expect(page.get_by_role("checkbox", name="Their phone")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Your check-ins")).to_be_visible()
    expect(page.get_by_text("Mood 3 · Anger not rated")).to_be_visible()
    assert open_row(CheckIn.objects.get(owner=member)).scores == {"mood": 3}

    # The own trigger is offered next time.
    page.goto("/checkin/")
    page.locator("summary", has_text="Anything that set you off?").click()
    expect(page.get_by_role("checkbox", name="Wedding photos")).not_to_be_checked()
    expect(page.get_by_text(re.compile(r"You checked in at \d\d:\d\d today"))).to_be_visible()


def test_saving_with_nothing_rated_asks_kindly_and_keeps_the_note(page: Page, member):
    sign_in(page)
    page.goto("/checkin/")
    page.locator("summary", has_text="A note, if you like").click()
    page.get_by_label("A note, if you like").fill("No numbers today.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("at least one of the five")
    expect(page.get_by_label("A note, if you like")).to_have_value("No numbers today.")
    assert not CheckIn.objects.filter(owner=member).exists()
