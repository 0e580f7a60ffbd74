"""The public site in Chromium, as a signed-out visitor: every page, no third party, no cookie.

Every request the browser makes is recorded: all of them must go to the
site's own address. At the end the browser holds no cookie at all. Each
page passes axe at 320 px and at desktop width, an article with a cover
image does not move as it loads, and its first load (page, styles,
scripts; images aside) stays under 40 KB.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Route, expect

from reclaim.practice.tests.makers import make_article, make_image, make_profile, make_topic

from .conftest import DESKTOP, NARROW, assert_accessible, assert_fits, loaded_width

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("test-results")
FIRST_LOAD_BUDGET = 40 * 1024

HTML_PAGES = {
    "home": "/",
    "articles": "/articles/",
    "topic": "/articles/topic/anger/",
    "article": "/articles/anger-after-an-affair/",
    "search": "/articles/?q=anger",
    "search-nothing": "/articles/?q=zebra",
    "profile": "/practitioners/sam-rivera/",
    "not-found": "/articles/no-such-article/",
}
OTHER_FILES = ["/articles/feed/", "/sitemap.xml", "/robots.txt"]

# Sums the layout shifts not caused by the visitor from now on, into a number the page keeps.
WATCH_SHIFTS = """() => {
  window.shifted = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifted += entry.value;
  }).observe({type: "layout-shift"});
}"""
# Where the cover and the words after it sit on the page, once a frame is drawn.
PLACES = """() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => {
  const box = selector => {
    const r = document.querySelector(selector).getBoundingClientRect();
    return [r.top + window.scrollY, r.height];
  };
  resolve({cover: box(".cover img"), body: box(".article-body")});
})))"""


@pytest.fixture
def site(practitioner):
    profile = make_profile(practitioner, "Sam Rivera")
    anger = make_topic("Anger", "When the anger comes.")
    make_article(
        profile,
        "Anger after an affair",
        "Anger is a sign that something mattered to you.\n\n" * 30,
        summary="Why the anger comes, and what to do with it.",
        topics=(anger,),
        cover=make_image(1200, 630),
        cover_alt="A calm lake in the early morning",
    )
    make_article(profile, "The first weeks", "Sleep, food, and one kind person.", topics=(anger,))
    return profile


def _context(browser: Browser, live_server, viewport) -> tuple[BrowserContext, list[str]]:
    context = browser.new_context(base_url=live_server.url, viewport=viewport)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    return context, requested


@pytest.mark.parametrize("viewport", [NARROW, DESKTOP], ids=["320px", "1280px"])
def test_every_public_page_stays_on_our_own_address_sets_no_cookie_and_passes_axe(
    browser: Browser, live_server, site, viewport
):
    context, requested = _context(browser, live_server, viewport)
    page = context.new_page()
    SHOTS.mkdir(exist_ok=True)
    for name, path in HTML_PAGES.items():
        page.goto(path)
        page.wait_for_load_state("load")
        expect(page.get_by_role("button", name="Quick exit")).to_be_visible()
        expect(page.get_by_role("link", name="Get help now")).to_be_visible()
        assert_accessible(page)
        assert_fits(page)
        page.screenshot(path=SHOTS / f"public-{name}-{viewport['width']}.png", full_page=True)
    for path in OTHER_FILES:
        assert page.goto(path).status == 200

    own = urlsplit(live_server.url).netloc
    strangers = [url for url in requested if urlsplit(url).netloc != own]
    assert strangers == []
    assert context.cookies() == []
    context.close()


def test_a_visitor_finds_an_article_from_home_topic_and_search(browser: Browser, live_server, site):
    context, _ = _context(browser, live_server, NARROW)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="Anger after an affair").click()
    expect(page.get_by_role("heading", name="Anger after an affair", level=1)).to_be_visible()

    page.goto("/articles/")
    page.get_by_role("navigation", name="Topics").get_by_role("link", name="Anger").click()
    expect(page.get_by_role("heading", name="Anger", level=1)).to_be_visible()

    page.get_by_label("Search the articles").fill("mattered")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Anger after an affair").click()
    expect(page.get_by_role("img", name="A calm lake in the early morning")).to_be_visible()
    context.close()


def test_an_article_with_a_cover_does_not_shift_and_loads_light(
    browser: Browser, live_server, site
):
    """The cover is held back until the page has been drawn, then let through.

    Holding it makes the test as strict on a fast machine as on a slow one:
    the page is always drawn before the picture arrives, as it is for a
    visitor on a weak connection.
    """
    context, _ = _context(browser, live_server, NARROW)
    page = context.new_page()
    sizes: dict[str, int] = {}

    def weigh(response) -> None:
        if response.request.resource_type in ("document", "stylesheet", "script"):
            sizes[response.url] = len(response.body())

    held: list[Route] = []
    page.on("response", weigh)
    page.route("**/media/**", lambda route: held.append(route))
    page.goto(HTML_PAGES["article"], wait_until="domcontentloaded")
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    for _ in range(500):
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "the page asks for its cover"
    page.evaluate(WATCH_SHIFTS)
    before = page.evaluate(PLACES)

    held[0].continue_()
    image = page.get_by_role("img", name="A calm lake in the early morning")
    assert loaded_width(page, image) == 1200
    after = page.evaluate(PLACES)

    assert before["cover"][1] > 100, "the cover has its height before it arrives"
    assert after == before
    assert page.evaluate("window.shifted") == 0
    assert sum(sizes.values()) <= FIRST_LOAD_BUDGET, sizes
    context.close()


def test_quick_exit_leaves_a_public_page_at_once(browser: Browser, live_server, site, settings):
    context, _ = _context(browser, live_server, NARROW)
    page = context.new_page()
    page.goto(HTML_PAGES["article"])
    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url(settings.RECLAIM_EXIT_URL)
    context.close()
