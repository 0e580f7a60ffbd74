"""Markdown to clean HTML: the one engine and the one cleaner the app's texts go through.

The lessons (learn) and the practice's articles are both written in
Markdown, with different rules for where a link may point. What they share
lives here: CommonMark through markdown-it-py with raw HTML off, a `#`
heading made a `##` (the page's title is its only h1), a picture shown as
its description (a page never loads a picture from elsewhere), each link
handed to the caller's rule, and then nh3 keeping only the few tags
Markdown makes, whatever came through.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.token import Token

WORDS_PER_MINUTE = 200

# What Markdown makes, and nothing more.
ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "blockquote",
    "a",
    "code",
    "pre",
    "hr",
    "br",
}
# `rel` is only ever set by a link rule below, since raw HTML never gets through.
ALLOWED_ATTRIBUTES = {"a": {"href", "rel"}, "ol": {"start"}}

# A link rule takes the address as written and gives the link's attributes
# (at least `href`), or None to keep the link's words without a link.
LinkRule = Callable[[str], dict[str, str] | None]


def _engine() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).disable("table")
    # Every link becomes a token, whatever its scheme, so that the caller's
    # rule decides about each one (markdown-it would otherwise leave a
    # `javascript:` link as plain text that the rule could not see).
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # markdown-it-py documents replacing it
    return md


_MD = _engine()


def parse(body: str) -> list[Token]:
    """The block tokens of a Markdown text, raw HTML read as plain words."""
    return _MD.parse(body)


def inline_children(tokens: Iterable[Token]) -> Iterable[Token]:
    """The inline tokens (words, links, pictures) inside the block tokens."""
    for token in tokens:
        if token.type == "inline" and token.children:
            yield from token.children


def plain_text(tokens: list[Token]) -> str:
    """The words a reader reads, without markup or link addresses."""
    pieces = [c.content for c in inline_children(tokens) if c.type in ("text", "code_inline")]
    pieces += [t.content for t in tokens if t.type in ("fence", "code_block")]
    return " ".join(" ".join(pieces).split())


def reading_minutes_for(words: int) -> int:
    """About how long `words` take to read at an unhurried pace, in whole minutes."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def _rewrite_inline(token: Token, link: LinkRule) -> None:
    kept: list[Token] = []
    # Links do not nest in Markdown, so the next close belongs to a dropped open.
    dropping = False
    for child in token.children or []:
        if child.type == "link_open":
            attrs = link(str(child.attrs.get("href", "")))
            if attrs is None:
                dropping = True
                continue
            child.attrs = dict(attrs)
        elif child.type == "link_close" and dropping:
            dropping = False
            continue
        elif child.type == "image":
            child = Token("text", "", 0, content=child.content)
        kept.append(child)
    token.children = kept


def render(tokens: list[Token], link: LinkRule, *, url_schemes: set[str]) -> SafeString:
    """Parsed Markdown as clean HTML, each link as `link` says.

    `url_schemes` is what nh3 lets through besides relative addresses: a
    second guard behind the link rule, so a rule's mistake cannot make a
    `javascript:` link.
    """
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            if token.tag == "h1":
                token.tag = "h2"
            elif token.tag in ("h5", "h6"):
                token.tag = "h4"
        elif token.type == "inline":
            _rewrite_inline(token, link)
    html = _MD.renderer.render(tokens, _MD.options, {})
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=url_schemes,
        link_rel=None,
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above
