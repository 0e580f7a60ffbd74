"""The article's preview: live as the practitioner types (editor.js), and with the Preview button without JavaScript."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reclaim.core.markdown import ALLOWED_TAGS
from reclaim.practice.models import Article
from reclaim.testing import html

from .test_markdown import HOSTILE

PREVIEW = reverse("practice:preview")
NEW = reverse("practice:article_new")
NASTY_BODY = "## Safe heading\n\n" + "\n\n".join(HOSTILE)


def _clean(fragment) -> None:
    elements = fragment.find_all(True)
    assert {e.name for e in elements} <= ALLOWED_TAGS | {"div", "p"}
    for element in elements:
        assert all(not name.startswith("on") for name in element.attrs), element
        assert "style" not in element.attrs, element
        href = str(element.get("href", "")).lower()
        assert not href.startswith(("javascript:", "data:", "vbscript:")), href


def test_the_live_preview_shows_the_body_as_visitors_will_see_it(practitioner_client):
    response = practitioner_client.post(PREVIEW, {"body": "## Hello\n\nA *soft* word."})
    assert response.status_code == 200
    assert html.words(html.one(response, "h2")) == "Hello"
    assert html.words(html.one(response, "em")) == "soft"
    assert "About 1 minute to read." in html.words(response)


def test_the_live_preview_of_hostile_markdown_and_html_carries_none_of_it(practitioner_client):
    response = practitioner_client.post(PREVIEW, {"body": NASTY_BODY})
    content = response.content.decode().lower()
    for bad in ("<script", "<iframe", "<svg", "<object", "<embed", "<img"):
        assert bad not in content, bad
    _clean(html.page(response))


def test_an_empty_body_says_what_the_preview_will_show(practitioner_client):
    response = practitioner_client.post(PREVIEW, {"body": ""})
    assert "Nothing to show yet." in html.words(response)


def test_the_live_preview_needs_a_post(practitioner_client):
    assert practitioner_client.get(PREVIEW).status_code == 405


def test_the_preview_button_shows_the_preview_and_keeps_everything_without_saving(
    practitioner_client,
):
    typed = {
        "title": "Rebuilding trust",
        "slug": "",
        "summary": "If you choose to.",
        "body": "## Slowly\n\nTrust comes back in **small** steps.",
        "intent": "preview",
    }
    response = practitioner_client.post(NEW, typed)
    assert response.status_code == 200
    preview = html.one(html.main(response), "#preview-body")
    assert html.words(html.one(preview, "strong")) == "small"
    assert html.values(response, "title") == ["Rebuilding trust"]
    assert html.values(response, "body") == [typed["body"]]
    # Previewing is not saving, and an empty slug is no mistake yet.
    assert not Article.objects.exists()
    assert html.select(html.main(response), ".errorlist") == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_body_is_neutralised_in_the_preview_page_and_in_what_is_kept(
    practitioner_client, hostile
):
    body = f"Words.\n\n{hostile}\n"
    page = practitioner_client.post(NEW, {"title": "T", "body": body, "intent": "preview"})
    _clean(html.one(html.main(page), "#preview-body"))
    practitioner_client.post(NEW, {"title": "T", "body": body, "intent": "publish"})
    kept = Article.objects.get().body_html
    for bad in ("<script", "<iframe", "<svg", "<object", "<embed", "<img"):
        assert bad not in kept.lower(), bad
    _clean(html.page(kept))
