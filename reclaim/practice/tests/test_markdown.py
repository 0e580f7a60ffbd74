"""Whatever a practitioner types into an article, visitors get only plain, safe markup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reclaim.core.markdown import ALLOWED_TAGS
from reclaim.practice.markdown import EXTERNAL_REL, render_article
from reclaim.testing import html

# Every trick we know of for getting a script, a foreign request or a
# dangerous link through Markdown or raw HTML.
HOSTILE = [
    '<script>alert("owned")</script>',
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="steal()">',
    '<b onclick="steal()">bold</b>',
    '<a href="javascript:alert(1)">raw link</a>',
    "[a trap](javascript:alert(1))",
    "[shouting](JaVaScRiPt:alert(1))",
    "[encoded](jav&#x61;script:alert(1))",
    "[decimal](&#106;avascript:alert(1))",
    "[spaced]( javascript:alert(1))",
    "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![data picture](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    "![a pixel](https://tracker.example/pixel.png)",
    '<svg onload="steal()"><script>alert(1)</script></svg>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
    "<a href='vbscript:msgbox(1)'>vb</a>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "[vb](vbscript:msgbox(1)) [file](file:///etc/passwd)",
]

# Tags that run, load or embed something; raw HTML may only ever show them as words.
FORBIDDEN_TAGS = ("<script", "<iframe", "<svg", "<object", "<embed", "<img", "<math", "<form")


def _no_danger(made: str) -> None:
    for bad in FORBIDDEN_TAGS:
        assert bad not in made.lower(), bad
    elements = html.page(made).find_all(True)
    assert {element.name for element in elements} <= ALLOWED_TAGS
    for element in elements:
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (element, name)
            assert name in ("href", "rel", "start"), (element, name)
            text = value if isinstance(value, str) else " ".join(value)
            assert (
                not text.strip().lower().startswith(("javascript", "vbscript", "data", "file"))
            ), (
                element,
                text,
            )


@pytest.mark.parametrize("hostile", HOSTILE)
def test_it_leaves_no_script_handler_or_dangerous_link_in_the_html(hostile):
    made = str(render_article(f"Before.\n\n{hostile}\n\nAfter [a word](javascript:x).\n").html)
    _no_danger(made)
    assert "Before." in html.words(made)


def test_the_words_of_a_dropped_link_or_picture_stay_readable():
    made = str(
        render_article("[a trap](javascript:alert(1)) and ![a pixel](https://x.example/p.png)").html
    )
    assert html.hrefs(made) == []
    assert "a trap" in html.words(made)
    assert "a pixel" in html.words(made)
    assert html.select(made, "img") == []


def test_web_and_mail_links_are_kept_and_links_away_say_so():
    made = str(
        render_article(
            "[away](https://example.org/a) [write](mailto:hello@example.org) [here](/articles/trust/)"
        ).html
    )
    found = {html.words(a): a for a in html.select(made, "a")}
    assert found["away"]["href"] == "https://example.org/a"
    assert found["away"]["rel"] == EXTERNAL_REL.split()
    assert found["write"]["href"] == "mailto:hello@example.org"
    assert found["here"]["href"] == "/articles/trust/"
    assert "rel" not in found["here"].attrs


def test_a_top_level_heading_becomes_a_subheading_since_the_title_is_the_h1():
    made = str(render_article("# Big\n\n## Middle\n\n###### Tiny\n").html)
    assert html.select(made, "h1, h5, h6") == []
    assert [h.name for h in html.select(made, "h2, h3, h4")] == ["h2", "h2", "h4"]


def test_it_gives_plain_words_and_a_reading_time():
    body = "## Start\n\nA *soft* word [here](/x/).\n\n" + "word " * 450
    made = render_article(body)
    assert made.text.startswith("Start A soft word here")
    assert "*" not in made.text and "/x/" not in made.text
    assert made.reading_minutes == 3


def test_an_empty_body_reads_in_a_minute_and_makes_nothing():
    made = render_article("")
    assert str(made.html) == ""
    assert made.reading_minutes == 1


fragments = st.sampled_from(HOSTILE + ["<", ">", '"', "'", "&", "(", ")", "[", "]", "\n\n", "`"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), fragments), max_size=12))
def test_no_script_handler_or_javascript_link_survives_random_text(pieces):
    made = str(render_article("".join(pieces)).html)
    elements = html.page(made).find_all(True)
    assert {element.name for element in elements} <= ALLOWED_TAGS
    for element in elements:
        assert all(not name.lower().startswith("on") for name in element.attrs)
        href = str(element.get("href", "")).strip().lower()
        assert not href.startswith(("javascript:", "vbscript:", "data:")), href
    # Outside of text shown as words (escaped), no tag that runs anything.
    assert "<script" not in made.lower()
    assert "<iframe" not in made.lower()
    assert "<svg" not in made.lower()
