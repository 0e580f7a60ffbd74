"""Whatever a lesson file holds, a member's browser gets only plain, safe markup."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from reclaim.core.markdown import ALLOWED_TAGS
from reclaim.learn.lessons import render_markdown
from reclaim.testing import html

NASTY = """Before.

<script>alert("owned")</script>

<b onclick="steal()">raw</b> and <img src=x onerror="steal()">

[a trap](javascript:alert(1)) and [another](JaVaScRiPt:alert(1))
[data](data:text/html;base64,PHNjcmlwdD4=) and [away](https://example.org/track)
<https://example.org/auto> ![a picture](https://example.org/pixel.png)
[gone](lesson:no-such-lesson) and [kept](lesson:a-quiet-harbour)
"""

FRONT = """---
title: Nasty
summary: Tries everything.
reading_minutes: 1
order: 9
reflection: Is it safe?
tool: calm
---
"""


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from some HTML."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


@pytest.fixture
def rendered() -> str:
    return str(render_markdown(NASTY, {"a-quiet-harbour"}))


def test_raw_html_is_shown_as_text_never_as_markup(rendered):
    elements = _Elements(rendered).found
    assert {tag for tag, _ in elements} <= ALLOWED_TAGS
    assert {name for _, attrs in elements for name, _ in attrs} == {"href"}
    assert '<script>alert("owned")</script>' in html.words(rendered)


def test_only_allowed_links_survive_and_every_one_stays_in_the_app(rendered):
    assert html.links(rendered) == [("kept", reverse("learn:lesson", args=["a-quiet-harbour"]))]
    for href in html.hrefs(rendered):
        assert not href.lower().startswith(("javascript:", "data:", "https:", "lesson:")), href
    # The words of a dropped link are kept, so the sentence still reads.
    for words in ("a trap", "another", "away", "gone", "a picture"):
        assert words in html.words(rendered)


def test_a_lesson_page_with_such_a_body_is_neutralised(member_client, settings, tmp_path):
    (tmp_path / "nasty.md").write_text(FRONT + NASTY, encoding="utf-8")
    settings.LEARN_CONTENT_DIR = tmp_path
    page = member_client.get(reverse("learn:lesson", args=["nasty"]))
    body = html.one(html.main(page), "div.lesson-body")
    assert {element.name for element in body.find_all(True)} <= ALLOWED_TAGS
    # Its only lesson link points at a lesson that is not in this folder.
    assert html.select(body, "a") == []
    assert "gone" in html.words(body) and "a trap" in html.words(body)


def test_markdown_tables_are_not_made():
    made = str(render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n", set()))
    assert html.select(made, "table, td, th") == []


def test_the_markup_markdown_makes_is_kept():
    made = str(
        render_markdown(
            "## Heading\n\nA *soft* and **strong** word, `code`.\n\n> A quote.\n\n"
            "1. one\n2. two\n\n- a\n\n---\n",
            set(),
        )
    )
    found = {element.name for element in html.page(made).find_all(True)}
    assert {"h2", "em", "strong", "code", "blockquote", "ol", "ul", "li", "hr"} <= found
    assert html.words(html.one(made, "h2")) == "Heading"
    assert html.words(html.one(made, "em")) == "soft"


def test_a_top_level_heading_becomes_a_subheading():
    made = str(render_markdown("# Big\n\n###### Tiny\n", set()))
    assert html.select(made, "h1, h6") == []
    assert [(heading.name, html.words(heading)) for heading in html.select(made, "h2, h4")] == [
        ("h2", "Big"),
        ("h4", "Tiny"),
    ]
