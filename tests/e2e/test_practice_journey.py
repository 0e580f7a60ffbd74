"""The practice from the first invitation to a visitor reading the article, in one journey.

An operator signs in with the code their app would show and invites a
practitioner. The practitioner, in a browser of their own, makes the
account, sets up two-step sign-in, fills in a profile, adds a topic and
writes an article with a cover photo straight off a phone (GPS position
and all), watches the preview and publishes. A signed-out visitor, in a
third browser, finds the article on the home page, in its topic, in search
and in the feed, and the photo arrives with its size set and its hidden
details gone. The operator reads each of the practitioner's writes in the
audit log. Last, a member cannot open the practice area, and the
practitioner cannot open a member's journal entry.

Each main step leaves a screenshot at 360 px in test-results/.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import feedparser
import pytest
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as Pil
from playwright.sync_api import Browser, Page, expect

from conftest import TOTP_SECRET
from reclaim.journal.actions import do_create_entry

from .conftest import (
    PHONE,
    app_code,
    check_both_widths,
    loaded_width,
    sign_in,
    sign_in_with_code,
)

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("test-results")
PASSWORD = "a lantern in the long hall"
# A word only this article's body holds, so search finding it proves the index.
RARE_WORD = "lanternlight"
TITLE = "Small lights on a long evening"
MEMBER_WORDS = "I stood at the sink and let myself cry for once"


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"journey-{name}-360.png", full_page=True)


def _photo_from_a_phone() -> dict:
    """A real JPEG carrying what a phone writes into one: its maker and where it was taken."""
    exif = Pil.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 40.0)
    out = io.BytesIO()
    Pil.new("RGB", (900, 600), "#3f6b5a").save(out, "JPEG", exif=exif)
    data = out.getvalue()
    # The test's own photo really does say where it was taken.
    assert Pil.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return {"name": "evening.jpg", "mimeType": "image/jpeg", "buffer": data}


def _invite(page: Page, live_server) -> str:
    sign_in_with_code(page, "operator", TOTP_SECRET)
    expect(page.get_by_role("heading", name="Running the practice")).to_be_visible()
    page.get_by_role("link", name="Invitations").click()
    page.get_by_label("Their e-mail address").fill("sam@example.org")
    page.get_by_role("button", name="Send the invitation").click()
    link = page.locator("[data-invitation-link]").inner_text().strip()
    assert link.startswith(live_server.url + "/invitation/")
    _shot(page, "1-operator-invites")
    return link


def _join(page: Page, link: str) -> None:
    page.goto(link)
    expect(page.get_by_label("E-mail address")).to_have_value("sam@example.org")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    _shot(page, "2-practitioner-joins")
    page.get_by_role("button", name="Make my account").click()

    expect(page).to_have_url(re.compile(r"/account/2fa/totp/activate/"))
    expect(page.get_by_text("before your work space opens")).to_be_visible()
    check_both_widths(page, then=PHONE)
    _shot(page, "3-two-step")
    secret = page.locator(".key code").inner_text().strip()
    page.get_by_label("Code from your app").fill(app_code(secret))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    check_both_widths(page, then=PHONE)
    _shot(page, "4-backup-codes")
    page.get_by_role("link", name="Carry on").click()
    expect(page).to_have_url(re.compile(r"/practice/$"))
    expect(page.get_by_role("heading", name="Your practice")).to_be_visible()


def _fill_profile(page: Page) -> None:
    page.get_by_role("navigation", name="Practice").get_by_role("link", name="Your profile").click()
    page.get_by_label("Your name, as visitors see it").fill("Sam Rivera")
    page.get_by_label("Training and credentials").fill("Counsellor, ten years with couples")
    page.get_by_label("How you work").fill("We start with steadiness, at your pace.")
    page.get_by_label("What you help with").fill("Trust after betrayal\nAnger")
    page.get_by_label("Show my profile on the public site").check()
    page.get_by_role("button", name="Save your profile").click()
    expect(page.get_by_role("link", name="your public page")).to_be_visible()
    _shot(page, "5-profile")


def _add_topic(page: Page) -> None:
    page.get_by_role("navigation", name="Practice").get_by_role("link", name="Topics").click()
    page.get_by_label("Name").fill("Evenings")
    page.get_by_label("A line about it").fill("For the long hours after dark.")
    page.get_by_role("button", name="Add the topic").click()
    expect(page.get_by_role("link", name="Rename Evenings")).to_be_visible()


def _write_and_publish(page: Page) -> None:
    page.get_by_role("navigation", name="Practice").get_by_role("link", name="Articles").click()
    page.get_by_role("link", name="Write an article").first.click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill("For the hours when the house is quiet and your mind is not.")
    body = page.get_by_label("Article", exact=True)
    body.fill(f"## When it is dark\n\nA little *{RARE_WORD}* is enough for tonight.")

    # The live preview shows the Markdown as visitors will read it, without a click.
    preview = page.locator("#preview-body")
    expect(preview.get_by_role("heading", name="When it is dark")).to_be_visible()
    expect(preview.locator("em")).to_have_text(RARE_WORD)

    # The Preview button does the same on the server (and works without JavaScript).
    page.get_by_role("button", name="Preview", exact=True).click()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    expect(preview.get_by_role("heading", name="When it is dark")).to_be_visible()
    expect(preview.get_by_text("About 1 minute to read.")).to_be_visible()

    page.get_by_label("Evenings").check()
    page.get_by_label("Choose a picture").set_input_files(_photo_from_a_phone())
    page.get_by_label("Describe the picture").fill("A lamp in a window at dusk")
    _shot(page, "6-writing")
    page.get_by_role("button", name="Publish now").click()
    expect(page.get_by_text("Published. It is on the public site now.")).to_be_visible()
    _shot(page, "7-published")


def _visitor_finds_it(browser: Browser, live_server) -> None:
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()

    page.goto("/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(page.get_by_role("link", name="Sam Rivera")).to_be_visible()
    _shot(page, "8-visitor-home")

    page.goto("/articles/topic/evenings/")
    expect(page.get_by_role("heading", name="Evenings", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    page.goto(f"/articles/?q={RARE_WORD}")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    _shot(page, "9-visitor-search")

    feed = feedparser.parse(context.request.get("/articles/feed/").body())
    assert not feed.bozo, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == [TITLE]
    assert feed.entries[0].author == "Sam Rivera"

    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    cover = page.get_by_role("img", name="A lamp in a window at dusk")
    expect(cover).to_have_attribute("width", "900")
    expect(cover).to_have_attribute("height", "600")
    assert loaded_width(page, cover) == 900
    _shot(page, "10-visitor-article")

    served = context.request.get(cover.get_attribute("src") or "")
    assert served.ok
    picture = Pil.open(io.BytesIO(served.body()))
    assert (picture.width, picture.height) == (900, 600)
    assert not picture.getexif()
    assert "exif" not in picture.info
    assert b"PhoneMaker" not in served.body()

    # A visitor who only reads carries away no cookie.
    assert context.cookies() == []
    context.close()


def test_an_invited_practitioner_publishes_and_a_visitor_finds_it_everywhere(
    page: Page, browser: Browser, operator, member, live_server
):
    page.set_viewport_size(PHONE)
    link = _invite(page, live_server)

    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    practitioner = context.new_page()
    _join(practitioner, link)
    _fill_profile(practitioner)
    _add_topic(practitioner)
    _write_and_publish(practitioner)

    _visitor_finds_it(browser, live_server)

    # The operator reads each of the practitioner's writes, by name, in the audit log.
    page.goto(reverse("operator:audit"))
    table = page.get_by_role("region", name="Changes, newest first")
    for action in ("profile.change", "category.create", "article.create", "article.publish"):
        row = table.get_by_role("row").filter(has=page.get_by_text(action, exact=True))
        expect(row.first).to_contain_text("sam")
    expect(table).not_to_contain_text(MEMBER_WORDS)
    _shot(page, "11-operator-audit")

    # A member has written in their journal; the practitioner cannot open it.
    entry = do_create_entry(member, {"title": "Tuesday", "body": MEMBER_WORDS, "tags": ""})
    response = practitioner.goto(reverse("journal:detail", args=[entry.pk]))
    assert response is not None and response.status == 404
    expect(practitioner.get_by_role("heading", name="We could not find that page")).to_be_visible()
    expect(practitioner.locator("body")).not_to_contain_text(MEMBER_WORDS)
    _shot(practitioner, "12-practitioner-cannot-read-member")
    context.close()

    # And a member cannot open the practice area.
    member_context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    as_member = member_context.new_page()
    sign_in(as_member)
    response = as_member.goto("/practice/")
    assert response is not None and response.status == 404
    expect(as_member.get_by_role("heading", name="We could not find that page")).to_be_visible()
    _shot(as_member, "13-member-no-practice")
    member_context.close()
