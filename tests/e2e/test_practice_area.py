"""A practitioner writes an article with a picture in the practice area, watches the preview, and publishes it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as Pil
from playwright.sync_api import Page, expect

from reclaim.practice.actions.articles import (
    do_publish_article,
    do_save_article,
    do_save_category,
)
from reclaim.practice.models import Article

from .conftest import DESKTOP, NARROW, check_page, loaded_width

pytestmark = pytest.mark.django_db(transaction=True)


def _signed_in_as(page: Page, user, base_url: str) -> None:
    """Sign the browser in as `user` with a session made on the server.

    Signing in through the form would need the six-digit code of the
    authenticator app; the journey here starts after that.
    """
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )


def _cover() -> dict:
    out = io.BytesIO()
    Pil.new("RGB", (900, 600), "#3f6b5a").save(out, "JPEG")
    return {"name": "lake.jpg", "mimeType": "image/jpeg", "buffer": out.getvalue()}


def test_a_practitioner_writes_previews_and_publishes_an_article_with_a_picture(
    page: Page, practitioner, live_server, output_path
):
    do_save_category(practitioner, None, name="Trust", slug="", description="")
    _signed_in_as(page, practitioner, live_server.url)
    page.goto("/practice/")
    expect(page.get_by_role("heading", name="Your practice")).to_be_visible()
    page.get_by_role("link", name="Write an article").first.click()

    page.get_by_label("Title").fill("Rebuilding trust, if you choose to")
    page.get_by_label("Summary").fill("There is no rush, and no right answer.")
    body = page.get_by_label("Article", exact=True)
    body.fill("## Slowly\n\nTrust comes back in *small* steps.")
    # The live preview shows the words as visitors will read them, without a click.
    preview = page.locator("#preview-body")
    expect(preview.get_by_role("heading", name="Slowly")).to_be_visible()
    expect(preview.locator("em")).to_have_text("small")
    body.press("End")
    body.press_sequentially("\n\n- one honest answer")
    expect(preview.locator("li")).to_have_text("one honest answer")

    page.get_by_label("Trust").check()
    page.get_by_label("Choose a picture").set_input_files(_cover())
    page.get_by_label("Describe the picture").fill("A still lake at dawn")
    page.screenshot(path=Path(output_path) / "practice-article-writing.png", full_page=True)
    page.get_by_role("button", name="Publish now").click()

    expect(page.get_by_text("Published. It is on the public site now.")).to_be_visible()
    saved = Article.objects.get()
    assert saved.is_live()
    assert [c.name for c in saved.categories.all()] == ["Trust"]
    cover = page.locator("main img")
    expect(cover).to_have_attribute("width", "900")
    expect(cover).to_have_attribute("height", "600")
    assert loaded_width(page, cover) == 900
    page.screenshot(path=Path(output_path) / "practice-article-published.png", full_page=True)


def test_every_practice_page_is_accessible_on_a_small_phone_and_a_desktop(
    page: Page, practitioner, live_server, output_path
):
    trust = do_save_category(practitioner, None, name="Trust", slug="", description="")
    article = do_save_article(
        practitioner,
        None,
        title="The first weeks",
        slug="",
        summary="Sleep, food, one person.",
        body="## Sleep\n\nRest when you can.",
        categories=[trust],
    )
    published = do_save_article(
        practitioner,
        None,
        title="Anger after an affair",
        slug="",
        summary="Why it comes.",
        body="It is a sign that something mattered.",
        categories=[trust],
        cover=SimpleUploadedFile("lake.jpg", _cover()["buffer"], content_type="image/jpeg"),
        cover_alt="A still lake at dawn",
    )
    do_publish_article(practitioner, published)
    _signed_in_as(page, practitioner, live_server.url)
    pages = [
        ("index", reverse("practice:index")),
        ("articles", reverse("practice:articles")),
        ("new", reverse("practice:article_new")),
        ("edit", reverse("practice:article_edit", args=[article.pk])),
        # A published article's page differs: its state, its cover, Unpublish.
        ("edit-published", reverse("practice:article_edit", args=[published.pk])),
        ("delete", reverse("practice:article_delete", args=[article.pk])),
        ("topics", reverse("practice:categories")),
        ("topic-edit", reverse("practice:category_edit", args=[trust.pk])),
        ("topic-delete", reverse("practice:category_delete", args=[trust.pk])),
        ("profile", reverse("practice:profile")),
    ]
    for size_name, size in (("320", NARROW), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        for name, path in pages:
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            page.screenshot(
                path=Path(output_path) / f"practice-{name}-{size_name}.png", full_page=True
            )
            check_page(page)

    # A form with a problem, marked and kindly explained, passes too.
    page.goto(reverse("practice:article_new"))
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("An article needs a title")).to_be_visible()
    check_page(page)


def test_a_member_cannot_open_the_practice_area(page: Page, member, live_server):
    _signed_in_as(page, member, live_server.url)
    response = page.goto("/practice/")
    assert response is not None and response.status == 404
