"""Sharing, in two browsers: a practitioner's code, the member connects and shares, then takes one part back.

The practitioner makes a code in the practice area. The member, who has a
PHQ-9 baseline, a later PHQ-9 and two journal entries, types it on their
Sharing page, sees who it is and connects; shares their PHQ-9 results and
one entry. The practitioner sees both, with the change since the baseline,
and not the other entry. The member stops sharing the entry: on the
practitioner's next page load it is gone. Last, the member reads both of
the practitioner's looks in the access log.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from conftest import TOTP_SECRET
from reclaim.sharing.tests.makers import ENTRY_WORDS, OTHER_ENTRY_WORDS, connect, member_data
from reclaim.toolkit.boundaries.actions import do_create_boundary

from .conftest import PHONE, check_page, sign_in, sign_in_with_code

pytestmark = pytest.mark.django_db(transaction=True)

# Screenshots to look at, as in the other journeys (not checked in).
SHOTS = Path("test-results")


def test_a_member_connects_shares_revokes_and_sees_every_look(
    browser: Browser, live_server, member, practitioner, risk_model_loaded
):
    member_data(member)

    # The practitioner makes a code.
    theirs = browser.new_context(base_url=live_server.url, viewport=PHONE).new_page()
    sign_in_with_code(theirs, "practitioner", TOTP_SECRET)
    theirs.get_by_role("navigation", name="Practice").get_by_role("link", name="Clients").click()
    expect(theirs.get_by_text("No clients connected yet.")).to_be_visible()
    theirs.get_by_role("button", name="Make a code").click()
    code = theirs.locator("[data-client-code]").inner_text().strip()
    assert len(code) == 7
    check_page(theirs)

    # The member types it, sees who it is, and connects.
    mine = browser.new_context(base_url=live_server.url, viewport=PHONE).new_page()
    sign_in(mine)
    mine.goto("/settings/")
    mine.get_by_role("link", name="Sharing", exact=True).click()
    check_page(mine)
    mine.get_by_label("Code from your practitioner").fill(code.lower())
    mine.get_by_role("button", name="Next").click()
    expect(mine.get_by_role("heading", name="Connect with practitioner?")).to_be_visible()
    check_page(mine)
    mine.get_by_label("The name they will see").fill("R.")
    mine.get_by_role("button", name="Connect").click()
    expect(mine.get_by_text("Nothing is shared yet")).to_be_visible()

    # PHQ-9 results on; then one journal entry, shared from the entry itself.
    mine.locator('input[name="results"][value="phq9"]').check()
    mine.get_by_role("button", name="Save what I share").click()
    expect(mine.get_by_text("They see exactly this")).to_be_visible()
    check_page(mine)
    mine.goto("/journal/")
    mine.get_by_role("link", name="By the river").click()
    mine.get_by_role("link", name="Share this entry").click()
    mine.get_by_role("button", name="Share with practitioner").click()
    expect(mine.get_by_role("button", name="Stop sharing with practitioner")).to_be_visible()
    check_page(mine)

    # The practitioner sees both, with the change since the baseline.
    theirs.get_by_role("navigation", name="Practice").get_by_role("link", name="Clients").click()
    theirs.get_by_role("link", name="R.").click()
    expect(theirs.get_by_role("heading", name="PHQ-9")).to_be_visible()
    expect(theirs.get_by_text("Reliable improvement").first).to_be_visible()
    expect(theirs.get_by_text(ENTRY_WORDS)).to_be_visible()
    expect(theirs.get_by_text(OTHER_ENTRY_WORDS)).to_have_count(0)
    check_page(theirs)

    # The member takes the entry back; it is gone on the practitioner's next load.
    mine.get_by_role("button", name="Stop sharing with practitioner").click()
    expect(mine.get_by_role("button", name="Share with practitioner")).to_be_visible()
    theirs.reload()
    expect(theirs.get_by_role("heading", name="PHQ-9")).to_be_visible()
    expect(theirs.get_by_text(ENTRY_WORDS)).to_have_count(0)

    # The member sees the looks: the list, the page with the entry, and the page without.
    mine.goto("/sharing/")
    mine.get_by_role("link", name="What practitioner can see").click()
    log = mine.get_by_role("table")
    expect(log.get_by_text("Journal entry: By the river")).to_have_count(1)
    expect(log.get_by_text("Results of PHQ-9")).to_have_count(3)
    expect(log.get_by_text("Viewed")).to_have_count(4)
    check_page(mine)
    mine.screenshot(path=str(SHOTS / "member-access-log.png"), full_page=True)


def test_a_member_shares_a_boundary_from_its_page_and_takes_it_back_from_sharing(
    browser: Browser, live_server, member, practitioner, risk_model_loaded
):
    """A toolkit entry, shared from the tool's own page, read by the practitioner, taken back."""
    behaviour = "you read my messages without asking"
    boundary, _ = do_create_boundary(
        member, {"behaviour": behaviour, "need": "my phone to be mine", "action": ""}
    )
    do_create_boundary(member, {"behaviour": "you shout at me", "need": "", "action": ""})
    connect(member, practitioner)

    mine = browser.new_context(base_url=live_server.url, viewport=PHONE).new_page()
    sign_in(mine)
    mine.goto(f"/tools/boundaries/{boundary.pk}/")
    mine.get_by_role("link", name="Share this", exact=True).click()
    check_page(mine)
    mine.get_by_role("button", name="Share with practitioner").click()
    expect(mine.get_by_role("button", name="Stop sharing with practitioner")).to_be_visible()

    theirs = browser.new_context(base_url=live_server.url, viewport=PHONE).new_page()
    sign_in_with_code(theirs, "practitioner", TOTP_SECRET)
    theirs.get_by_role("navigation", name="Practice").get_by_role("link", name="Clients").click()
    theirs.get_by_role("link", name="R.").click()
    expect(theirs.get_by_role("heading", name="Toolkit entries shared with you")).to_be_visible()
    expect(theirs.get_by_text(behaviour).first).to_be_visible()
    expect(theirs.get_by_text("you shout at me")).to_have_count(0)
    check_page(theirs)

    # The member's Sharing page lists it, with a way to stop sharing it right there.
    mine.goto("/sharing/")
    mine.get_by_role("link", name="What practitioner can see").click()
    shared = mine.get_by_role("region", name="Toolkit entries you share")
    expect(shared.get_by_role("link", name=f"When {behaviour}")).to_be_visible()
    check_page(mine)
    shared.get_by_role("button", name=f"Stop sharing When {behaviour}").click()
    expect(mine.get_by_text("No longer shared")).to_be_visible()
    theirs.reload()
    expect(theirs.get_by_text(behaviour)).to_have_count(0)
    log = mine.get_by_role("table")
    expect(log.get_by_text(f"A toolkit entry: Boundaries, When {behaviour}")).to_have_count(1)


def test_a_member_switches_risk_alerts_on_and_the_practitioner_learns_only_that_and_when(
    browser: Browser, live_server, member, practitioner, risk_model_loaded, mailoutbox
):
    """Alerts on, then words of urgent risk: the practitioner is told that and when, nothing else.

    They mark it seen, and the member sees that they have.
    """
    member_data(member)
    connect(member, practitioner)
    SHOTS.mkdir(exist_ok=True)

    mine = browser.new_context(base_url=live_server.url, viewport=PHONE).new_page()
    sign_in(mine)
    mine.goto("/sharing/")
    mine.get_by_role("link", name="What practitioner can see").click()
    choice = mine.get_by_role("group", name="Alerts when you may be at urgent risk")
    expect(choice.get_by_text("It is not an emergency service.")).to_be_visible()
    choice.get_by_role("checkbox").check()
    mine.get_by_role("button", name="Save what I share").click()
    expect(mine.get_by_text("They see exactly this")).to_be_visible()
    check_page(mine)
    mine.screenshot(path=str(SHOTS / "member-alerts-on.png"), full_page=True)

    urgent = "I have counted the pills and I am going to take all of them tonight."
    mine.goto("/journal/new/")
    mine.get_by_label("Title").fill("Late")
    mine.get_by_label("Write here").fill(urgent)
    mine.get_by_role("button", name="Save").first.click()
    # The calm panel shows once the entry is kept: the member sees help before anything else.
    expect(mine.locator("#safety-panel")).to_contain_text("Your words are saved.")
    mine.goto("/sharing/")
    mine.get_by_role("link", name="What practitioner can see").click()
    expect(mine.get_by_role("heading", name="Alerts sent to them")).to_be_visible()

    theirs = browser.new_context(base_url=live_server.url, viewport=PHONE).new_page()
    sign_in_with_code(theirs, "practitioner", TOTP_SECRET)
    theirs.get_by_role("navigation", name="Practice").get_by_role("link", name="Clients").click()
    expect(theirs.get_by_text("Risk alert:")).to_be_visible()
    theirs.get_by_role("link", name="R.").click()
    alerts = theirs.get_by_role("region", name="Risk alerts")
    expect(alerts.get_by_role("listitem")).to_have_count(1)
    expect(theirs.get_by_text("pills")).to_have_count(0)
    check_page(theirs)
    theirs.screenshot(path=str(SHOTS / "practitioner-client.png"), full_page=True)
    assert len(mailoutbox) == 1 and "pills" not in mailoutbox[0].body

    # They mark it seen: the list no longer calls it new, and the member is told.
    expect(alerts.get_by_text("new", exact=True)).to_be_visible()
    alerts.get_by_role("button", name="Mark as seen").click()
    expect(theirs.get_by_text("Marked as seen.")).to_be_visible()
    expect(alerts.get_by_text("you marked it seen on")).to_be_visible()
    expect(alerts.get_by_role("button", name="Mark as seen")).to_have_count(0)
    check_page(theirs)
    theirs.screenshot(path=str(SHOTS / "practitioner-alert-seen.png"), full_page=True)
    theirs.get_by_role("link", name="Back to clients").click()
    expect(theirs.get_by_text("not yet seen")).to_have_count(0)
    mine.reload()
    expect(mine.get_by_text("they marked it seen on")).to_be_visible()
