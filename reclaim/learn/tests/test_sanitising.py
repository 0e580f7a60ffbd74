"""Whatever a lesson file holds, a member's browser gets only plain, safe markup."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from reclaim.learn.lessons import ALLOWED_TAGS, render_markdown
from reclaim.testing.html import links

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

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


@pytest.fixture
def html() -> str:
    return str(render_markdown(NASTY, {"a-quiet-harbour"}))


def test_raw_html_is_shown_as_text_never_as_markup(html):
    elements = _Elements(html).found
    assert {tag for tag, _ in elements} <= ALLOWED_TAGS
    assert {name for _, attrs in elements for name, _ in attrs} == {"href"}
    assert "&lt;script&gt;" in html


def test_only_allowed_links_survive_and_every_one_stays_in_the_app(html):
    assert links(html) == [("kept", reverse("learn:lesson", args=["a-quiet-harbour"]))]
    lowered = html.lower()
    for bad in ("javascript:", "data:", "https://", 'href="lesson:'):
        assert f'href="{bad}' not in lowered
    # The words of a dropped link are kept, so the sentence still reads.
    for words in ("a trap", "another", "away", "gone", "a picture"):
        assert words in html


def test_a_lesson_page_with_such_a_body_is_neutralised(member_client, settings, tmp_path):
    (tmp_path / "nasty.md").write_text(FRONT + NASTY, encoding="utf-8")
    settings.LEARN_CONTENT_DIR = tmp_path
    page = member_client.get(reverse("learn:lesson", args=["nasty"])).content.decode()
    body = page.split('<div class="lesson-body">')[1].split("</div>")[0]
    elements = _Elements(body).found
    assert {tag for tag, _ in elements} <= ALLOWED_TAGS
    # Its only lesson link points at a lesson that is not in this folder.
    assert "a" not in {tag for tag, _ in elements}
    assert "gone" in body and "a trap" in body


def test_markdown_tables_are_not_made():
    html = str(render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n", set()))
    assert "<table" not in html


def test_the_markup_markdown_makes_is_kept():
    html = str(
        render_markdown(
            "## Heading\n\nA *soft* and **strong** word, `code`.\n\n> A quote.\n\n"
            "1. one\n2. two\n\n- a\n\n---\n",
            set(),
        )
    )
    for tag in (
        "<h2>",
        "<em>",
        "<strong>",
        "<code>",
        "<blockquote>",
        "<ol>",
        "<ul>",
        "<li>",
        "<hr",
    ):
        assert tag in html


def test_a_top_level_heading_becomes_a_subheading():
    html = str(render_markdown("# Big\n\n###### Tiny\n", set()))
    assert "<h1" not in html and "<h6" not in html
    assert "<h2>Big</h2>" in html and "<h4>Tiny</h4>" in html
