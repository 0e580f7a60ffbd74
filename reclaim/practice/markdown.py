"""An article's Markdown as the clean HTML visitors read, its plain words and its reading time.

The engine and the cleaning are core's (reclaim.core.markdown), shared with
the lessons. What is the practice's own is where a link may point: a web
address (http, https), an e-mail address (mailto) or a page of this site.
A link to anywhere else keeps its words without the link. A link that
leaves the site carries `rel="nofollow noopener noreferrer"`, so the other
site learns nothing of where the reader came from and gets no standing
from us.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.safestring import SafeString

from reclaim.core import markdown

LINK_SCHEMES = {"http", "https", "mailto"}
EXTERNAL_REL = "nofollow noopener noreferrer"
# A scheme as browsers read one: a letter, then letters, digits, + . or -, then a colon.
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class Rendered:
    html: SafeString
    text: str
    reading_minutes: int


def _link(href: str) -> dict[str, str] | None:
    found = _SCHEME.match(href)
    if found is None:
        # No scheme: a page of this site, unless it starts with // (another host).
        if href.lstrip().startswith("//"):
            return {"href": href, "rel": EXTERNAL_REL}
        return {"href": href}
    if found.group(1).lower() not in LINK_SCHEMES:
        return None
    return {"href": href, "rel": EXTERNAL_REL}


def render_article(body: str) -> Rendered:
    """The article's body as sanitised HTML, its plain words, and minutes to read it."""
    tokens = markdown.parse(body)
    text = markdown.plain_text(tokens)
    html = markdown.render(tokens, _link, url_schemes=LINK_SCHEMES)
    return Rendered(
        html=html, text=text, reading_minutes=markdown.reading_minutes_for(len(text.split()))
    )
