"""The check-in with the keyboard alone, with focus visible at every step."""

import re

import pytest
from playwright.sync_api import Page, expect

from reclaim.checkins.models import CheckIn
from reclaim.vault.fields import open_row

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# What the focused element is called, as a keyboard user would hear it.
FOCUSED_NAME = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "";
  const label = el.labels && el.labels[0];
  return (el.getAttribute("aria-label") || (label && label.textContent) || el.textContent || "")
    .replace(/\\s+/g, " ").trim();
}"""

# Whether the focused element shows a focus ring that nothing (the sticky top
# bar, say) covers. A chip's checkbox is invisible on purpose: its label
# carries the ring. The main area, a skip link's target, needs none.
FOCUS_SHOWN = """() => {
  const el = document.activeElement;
  if (el.id === "main") return "";
  const ringed = (e) => {
    const s = getComputedStyle(e);
    return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  };
  const label = el.labels && el.labels[0];
  const target = ringed(el) ? el : label && ringed(label) ? label : null;
  if (!target) return "no focus ring on " + el.outerHTML.slice(0, 80);
  const box = target.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
  const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 12), 0), window.innerHeight - 1);
  const seen = document.elementFromPoint(x, y);
  if (!seen || !(el.contains(seen) || target.contains(seen) || seen.contains(el))) {
    return "covered by " + (seen ? seen.outerHTML.slice(0, 60) : "nothing") + ": " + el.outerHTML.slice(0, 80);
  }
  return "";
}"""


def tab(page: Page, key: str = "Tab") -> str:
    page.keyboard.press(key)
    problem = page.evaluate(FOCUS_SHOWN)
    assert not problem, problem
    return page.evaluate(FOCUSED_NAME)


def tab_to(page: Page, name: str, most: int = 40) -> None:
    """Tab forward until `name` has the focus, checking the focus ring on the way."""
    for _ in range(most):
        if tab(page) == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_the_first_tabs_reach_skip_link_help_exit_then_the_menu(page: Page, member):
    sign_in(page)
    page.goto("/checkin/")
    stops = [tab(page) for _ in range(6)]
    assert stops[0] == "Skip to content"
    help_at, exit_at, menu_at = (
        stops.index("Get help now"),
        stops.index("Quick exit"),
        stops.index("Menu"),
    )
    assert help_at < exit_at < menu_at
    # On a phone the menu is folded: Enter opens it and its places come next.
    page.keyboard.press("Enter")
    assert [tab(page) for _ in range(3)] == ["Today", "Check in", "Journal"]


def test_a_check_in_can_be_done_with_the_keyboard_alone(page: Page, member):
    sign_in(page)
    page.goto("/checkin/")
    assert tab(page) == "Skip to content"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    # Into the form: the first scale is the first stop in the content. Its
    # "Not rated" choice holds the focus until an arrow picks a number:
    # right goes round to 0, left to 10.
    assert tab(page) == "Not rated"
    for _ in range(9):
        page.keyboard.press("ArrowRight")
    expect(page.get_by_role("group", name="Mood").get_by_role("radio", name="8")).to_be_checked()
    assert tab(page) == "Not rated"
    page.keyboard.press("ArrowRight")
    assert page.evaluate(FOCUSED_NAME) == "0, Calm"
    # Anxiety and sleep are left alone; self-worth goes from 10 down to 4.
    tab(page)
    tab(page)
    assert tab(page) == "Not rated"
    for _ in range(7):
        page.keyboard.press("ArrowLeft")
    assert page.evaluate(FOCUSED_NAME) == "4"

    # The folded parts open with Enter.
    tab_to(page, "Anything that set you off?")
    page.keyboard.press("Enter")
    tab_to(page, "A memory came back")
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name="A memory came back")).to_be_checked()
    tab_to(page, "Add your own")
    page.keyboard.type("Old photos")
    tab_to(page, "A note, if you like")
    page.keyboard.press("Enter")
    assert tab(page) == "A note, if you like"
    page.keyboard.type("Typed without a mouse.")
    tab_to(page, "Save")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/checkin/[0-9a-f-]+/saved/"))
    expect(page.get_by_role("heading", name="Thank you for checking in.")).to_be_visible()
    checkin = open_row(CheckIn.objects.get(owner=member))
    assert checkin.scores == {"mood": 8, "anger": 0, "self_worth": 4}
    assert checkin.triggers == ["A memory came back", "Old photos"]
    assert checkin.note == "Typed without a mouse."

    # From the thank-you page, the keyboard reaches the list of check-ins too
    # (once the page, and so its focus ring style, has loaded).
    page.wait_for_load_state()
    tab_to(page, "Your check-ins")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your check-ins")).to_be_visible()
    expect(page.locator(".tag").filter(has_text="Old photos")).to_be_visible()


def test_going_back_with_shift_tab_keeps_focus_in_view_and_the_page_open(page: Page, member):
    sign_in(page)
    page.goto("/checkin/")
    tab_to(page, "Save")
    # Back up the long form, briskly: the sticky top bar must never hide what
    # has focus, and Shift used with Tab is not the quick exit's three Shifts.
    for _ in range(12):
        tab(page, "Shift+Tab")
    tab_to(page, "A note, if you like")
    page.keyboard.press("Enter")
    tab(page)
    page.keyboard.type("Sam And Alex Came By At Ten.")
    expect(page).to_have_url(re.compile(r"/checkin/$"))
    expect(page.get_by_label("A note, if you like")).to_have_value("Sam And Alex Came By At Ten.")
