"""A new member's time zone is taken from their browser and said in words."""

import pytest
from playwright.sync_api import Browser, expect

from reclaim.accounts.models import User

from .conftest import PHONE, check_page, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def newcomer(member) -> User:
    member.onboarded = None
    member.timezone = "UTC"
    member.save(update_fields=["onboarded", "timezone"])
    return member


def test_a_browser_in_chicago_gets_chicago_time_and_is_told_so(
    browser: Browser, live_server, newcomer
):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, timezone_id="America/Chicago"
    )
    page = context.new_page()
    sign_in(page)
    page.goto("/welcome/place/")

    expect(
        page.get_by_text("We set your time zone to Chicago time (America/Chicago).")
    ).to_be_visible()
    # The long list waits behind "Change it", already set to the browser's zone.
    zone = page.get_by_label("Time zone")
    expect(zone).to_be_hidden()
    check_page(page)
    page.get_by_role("button", name="Change it").click()
    expect(zone).to_be_focused()
    expect(zone).to_have_value("America/Chicago")

    page.get_by_role("button", name="Finish").click()
    newcomer.refresh_from_db()
    assert newcomer.timezone == "America/Chicago"
    context.close()
