"""Browser journeys in Chromium, driven by Playwright.

The live server runs in the test process on the same test database, so a
test can make a member with the ORM and then use the app as that member
would, in a real browser.

The browser is found in this order: `RECLAIM_CHROMIUM` (a path), Debian's
`chromium` on the PATH, then Playwright's own download. With none of them,
the browser tests are skipped with one line saying how to get one; under
`CI=true` a missing browser fails the run instead, so CI never passes by
skipping them.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from conftest import PASSWORD
from reclaim.testing.totp import code_now

HOW_TO_GET_ONE = (
    "no Chromium for the browser tests: install Debian's (apt-get install chromium), "
    "set RECLAIM_CHROMIUM to a Chromium binary, or run `uv run playwright install chromium`"
)
PHONE = {"width": 360, "height": 740}
NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}

_axe = Axe()


@functools.cache
def find_chromium() -> tuple[str, str] | None:
    """(where it was found, the executable), or None when there is no browser."""
    named = os.environ.get("RECLAIM_CHROMIUM", "").strip()
    if named:
        return ("RECLAIM_CHROMIUM", named) if Path(named).is_file() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return ("PATH", found)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        own = playwright.chromium.executable_path
    return ("Playwright", own) if own and Path(own).is_file() else None


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    journeys = [item for item in items if here in Path(item.fspath).parents]
    if not journeys or find_chromium() is not None:
        return
    if _in_ci():
        raise pytest.UsageError(f"CI: {HOW_TO_GET_ONE}")
    for item in journeys:
        item.add_marker(pytest.mark.skip(reason=HOW_TO_GET_ONE))


def pytest_terminal_summary(terminalreporter):
    if terminalreporter.stats.get("skipped") and find_chromium() is None:
        terminalreporter.write_line(f"browser tests skipped: {HOW_TO_GET_ONE}")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    found = find_chromium()
    return {
        **browser_type_launch_args,
        "executable_path": found[1] if found else None,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url, "viewport": PHONE}


@pytest.fixture(autouse=True)
def _exit_stays_local(settings, live_server):
    # The quick exit must not leave this machine during tests.
    settings.RECLAIM_EXIT_URL = live_server.url + "/health/"


def sign_in(page: Page, username: str = "member", password: str = PASSWORD) -> None:
    page.goto("/account/login/")
    page.get_by_label(re.compile("Username|Login", re.I)).first.fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).not_to_have_url(re.compile(r"/account/login/"))


def app_code(secret: str) -> str:
    """What an authenticator app shows now for this key."""
    return code_now(secret)


def sign_in_with_code(page: Page, username: str, secret: str) -> None:
    """Sign in through the real form, then the second step with the code the app would show."""
    page.goto("/account/login/")
    page.get_by_label(re.compile("Username", re.I)).first.fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page.get_by_role("heading", name="One more step")).to_be_visible()
    page.get_by_label("Code from your app").fill(app_code(secret))
    page.get_by_role("button", name="Sign in").click()


def go_to(page: Page, place: str) -> None:
    """Follow a link in the main menu, opening it first where it is folded (on a phone)."""
    menu = page.get_by_role("navigation", name="Main")
    fold = menu.locator("details")
    if menu.locator("summary").is_visible() and fold.get_attribute("open") is None:
        menu.get_by_text("Menu", exact=True).click()
    menu.get_by_role("link", name=place, exact=True).click()


def assert_accessible(page: Page) -> None:
    """No serious or critical axe violations on the page as it is now."""
    results = _axe.run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, page.url + "\n" + "\n".join(bad)


def assert_fits(page: Page) -> None:
    """Nothing scrolls sideways at the current width."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"the page is {overflow}px wider than the screen"


def check_page(page: Page) -> None:
    """What every page of a journey must pass: no serious axe finding, nothing wider than the phone."""
    assert_accessible(page)
    assert_fits(page)


def check_both_widths(page: Page, then: dict[str, int] = NARROW) -> None:
    """No serious axe finding at 320 px or at desktop width, and nothing scrolls sideways.

    The page is left at `then`'s width for the journey's next step.
    """
    for size in (NARROW, DESKTOP):
        page.set_viewport_size(size)
        check_page(page)
    page.set_viewport_size(then)


@pytest.fixture(scope="module")
def risk_model_loaded() -> None:
    """Load the risk model before a journey's first save, not during it.

    The first words a process listens to load the model, which can take
    longer than a page is given.
    """
    from reclaim.safety.response import listen

    listen("A first quiet sentence.", "en")


def loaded_width(page: Page, image: Locator) -> int:
    """The picture's natural width once it has arrived (it may load lazily, and late on a busy machine)."""
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    return image.evaluate("img => img.naturalWidth")
