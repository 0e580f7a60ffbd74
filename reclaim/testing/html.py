"""Test helpers that read a page the way a member does: parsed, not as markup.

A test that looks for `'<span class="tag">'` in the raw HTML breaks when a
class name or the order of attributes changes, though the member sees the
same page. These helpers parse the response with Beautiful Soup, so a test
asks for the visible words, an element by what it is (a label for a field,
a link to an address, a button) or an attribute's value.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag
from django.http import HttpResponse

# Elements a browser shows on the same line as the words around them.
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
    ]
)
_NOT_READ = frozenset({"script", "style", "template", "noscript"})


def page(response: HttpResponse | str) -> BeautifulSoup:
    """The whole page, parsed."""
    content = response if isinstance(response, str) else response.content.decode()
    return BeautifulSoup(content, "html.parser")


def main(response: HttpResponse | str) -> Tag:
    """The page's `<main>` landmark: what the page is about, without the menu."""
    found = page(response).find("main")
    assert isinstance(found, Tag), "the page has no <main>"
    return found


def words(element: Tag | HttpResponse | str) -> str:
    """The words a member reads in an element, with runs of white space as one space.

    Inline elements (`<strong>`, `<a>`, `<span>` …) run on with the text
    around them, as a browser shows them; every other element starts on its
    own, so a `<dt>` and its `<dd>` do not run together. Script and style
    are not read.
    """
    if not isinstance(element, Tag):
        element = page(element)
    pieces: list[str] = []
    for node in element.descendants:
        if isinstance(node, Tag):
            if node.name not in _INLINE:
                pieces.append(" ")
        elif (
            type(node) is NavigableString
            and node.parent is not None
            and node.parent.name not in _NOT_READ
        ):
            pieces.append(str(node))
    return " ".join("".join(pieces).split())


def title(response: HttpResponse | str) -> str:
    """The page's `<title>` as a browser tab shows it."""
    found = page(response).title
    assert found is not None, "the page has no <title>"
    return words(found)


def select(element: Tag | HttpResponse | str, css: str) -> list[Tag]:
    """Every element matching a CSS selector, in page order."""
    if not isinstance(element, Tag):
        element = page(element)
    return element.select(css)


def one(element: Tag | HttpResponse | str, css: str) -> Tag:
    """The one element matching a CSS selector; fails naming the selector otherwise."""
    found = select(element, css)
    assert len(found) == 1, f"{len(found)} elements match {css!r}"
    return found[0]


def section(element: Tag | HttpResponse | str, heading: str) -> Tag:
    """The one `<section>` whose heading reads `heading`: a part of the page as a member finds it."""
    found = [
        part
        for part in select(element, "section")
        if (named := part.find(["h2", "h3", "h4"])) is not None and words(named) == heading
    ]
    assert len(found) == 1, f"{len(found)} sections are headed {heading!r}"
    return found[0]


def label_for(element: Tag | HttpResponse | str, name: str) -> str:
    """The words of the label tied to the form field called `name`."""
    field = one(element, f'[name="{name}"]:not([type="hidden"])')
    return words(one(element, f'label[for="{field["id"]}"]'))


def links(element: Tag | HttpResponse | str) -> list[tuple[str, str]]:
    """Every link in the element as (its words, where it goes), in page order."""
    return [(words(link), str(link["href"])) for link in select(element, "a[href]")]


def hrefs(element: Tag | HttpResponse | str) -> list[str]:
    """Where every link in the element goes, in page order."""
    return [str(link["href"]) for link in select(element, "a[href]")]


def buttons(element: Tag | HttpResponse | str) -> list[str]:
    """The words on every button in the element, in page order."""
    return [words(button) for button in select(element, "button")]


def values(element: Tag | HttpResponse | str, name: str) -> list[str]:
    """What the form field called `name` would send as the page stands.

    A text input or textarea sends its text, radio buttons and check boxes
    the values that are checked, a select its selected options: the answers
    the page has kept or chosen for the member.
    """
    sent: list[str] = []
    for field in select(element, f'[name="{name}"]'):
        if field.name == "select":
            sent += [str(option.get("value", "")) for option in field.select("option[selected]")]
        elif field.name == "textarea":
            # Browsers drop one newline right after <textarea>, as the HTML
            # standard says, and Django writes one there.
            sent.append(field.get_text().removeprefix("\n"))
        elif field.get("type") in ("radio", "checkbox"):
            if field.has_attr("checked"):
                sent.append(str(field.get("value", "on")))
        else:
            sent.append(str(field.get("value", "")))
    return sent


def terms(element: Tag | HttpResponse | str) -> dict[str, str]:
    """Each `<dt>` in the element's description lists with the words of its `<dd>`."""
    pairs: dict[str, str] = {}
    for term in select(element, "dl dt"):
        described = term.find_next_sibling("dd")
        if described is not None:
            pairs[words(term)] = words(described)
    return pairs


def words_before(element: Tag | HttpResponse | str, css: str) -> str:
    """The words a member reads before the one element matching `css`, in page order."""
    found = one(element, css)
    return " ".join(" ".join(reversed(found.find_all_previous(string=True))).split())


def rows(element: Tag | HttpResponse | str) -> list[list[str]]:
    """Each table row in the element as the words of its cells, header cells included.

    A row reads as a member reads it across the table, so a test can ask
    for `["Mood", "6.0", "4.0"]` whatever the cells' markup.
    """
    return [
        [words(cell) for cell in row.find_all(["th", "td"], recursive=False)]
        for row in select(element, "tr")
    ]
