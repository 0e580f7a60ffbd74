"""Browser journeys in Debian's Chromium, driven by Playwright.

The live server runs in the test process on the same test database, so a
test can make a member with the ORM and then use the app as that member
would, in a real browser.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 360, "height": 740}
NARROW = {"width": 320, "height": 640}

_axe = Axe()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
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
