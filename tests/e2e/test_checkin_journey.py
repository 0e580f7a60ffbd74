"""A check-in on a phone, and what it changes on Today."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from reclaim.checkins.models import CheckIn
from reclaim.vault.fields import open_row

from .conftest import PHONE, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def slide(page: Page, label: str, *keys: str) -> None:
    """Move a slider the way a keyboard or switch user would."""
    slider = page.get_by_role("slider", name=label)
    slider.focus()
    for key in keys:
        slider.press(key)


def test_a_check_in_on_a_phone_shows_on_today(page: Page, member):
    page.set_viewport_size(PHONE)
    sign_in(page)
    page.goto("/checkin/")
    expect(page.get_by_role("heading", name="How are you right now?")).to_be_visible()

    slide(page, "Mood", "ArrowRight", "ArrowRight")
    slide(page, "Anger", "Home")
    slide(page, "Anxiety or racing thoughts", "End")
    slide(page, "Sleep last night", "ArrowLeft")
    # The number beside each label follows the slider.
    expect(page.locator("#id_mood-value")).to_have_text("7")
    expect(page.locator("#id_anxiety-value")).to_have_text("10")
    expect(page.get_by_role("slider", name="Self-worth")).to_have_value("5")

    # The chip's checkbox lies over its label, so a tap anywhere on it counts.
    page.get_by_role("checkbox", name="Their phone").check()
    expect(page.get_by_role("checkbox", name="Their phone")).to_be_checked()
    page.get_by_label("Add your own").fill("Wedding photos")
    page.get_by_label("A note, if you like").fill("Walked by the sea after lunch.")
    page.get_by_role("button", name="Save").click()

    # Thanks, and one next step that fits the numbers (racing thoughts here).
    expect(page).to_have_url(re.compile(r"/checkin/[0-9a-f-]+/saved/"))
    expect(page.get_by_role("heading", name="Thank you for checking in.")).to_be_visible()
    suggestion = page.locator("main .card").first
    expect(suggestion.get_by_role("heading", level=2)).to_have_count(1)
    expect(suggestion.get_by_role("heading", level=2)).to_have_text("Your thoughts sound busy")
    expect(suggestion.locator(".button-primary")).to_have_count(1)
    page.get_by_role("link", name="Go to Today").click()

    # Today: checked in, with today's numbers, in the picture and in its table.
    expect(page).to_have_url(re.compile(r"/today/"))
    expect(page.get_by_role("heading", name="You checked in today.")).to_be_visible()
    numbers = page.locator("dl.numbers")
    for label, value in (("Mood", "7"), ("Anger", "0"), ("Anxiety", "10"), ("Sleep", "4")):
        expect(numbers.locator("div", has=page.get_by_text(label, exact=True))).to_contain_text(
            value
        )
    # One small picture per scale; on a phone the narrow drawing shows, not the wide one.
    for label in ("Mood", "Anger", "Anxiety", "Sleep", "Self-worth"):
        picture = page.get_by_role("img", name=re.compile(rf"^{label}, \d+ \w+ to"))
        expect(picture).to_have_count(1)
        expect(picture).to_be_visible()
    page.get_by_text("Show the numbers").click()
    today = timezone.now().astimezone(member.zone).date()
    row = page.get_by_role("row", name=re.compile(rf"{today:%a} {today.day} {today:%b}"))
    expect(row.get_by_role("cell")).to_have_text(["7", "0", "10", "4", "5"])

    # What was chosen and written is kept: the own trigger is offered next time.
    checkin = open_row(CheckIn.objects.get(owner=member))
    assert checkin.triggers == ["Their phone", "Wedding photos"]
    assert checkin.note == "Walked by the sea after lunch."
    page.get_by_role("link", name="Check in again").click()
    expect(page.get_by_role("checkbox", name="Wedding photos")).not_to_be_checked()
    expect(page.get_by_text(re.compile(r"You checked in at \d\d:\d\d today"))).to_be_visible()
