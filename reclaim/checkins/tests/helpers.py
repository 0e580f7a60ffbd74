"""Valid check-in answers to build tests on."""

from __future__ import annotations

from html.parser import HTMLParser

STEADY = {"mood": 6, "anger": 3, "anxiety": 4, "sleep": 6, "self_worth": 6}


def answers(**changes) -> dict:
    """A valid check-in as the actions take it, with `changes` on top."""
    data = {**STEADY, "triggers": [], "note": ""}
    data.update(changes)
    return data


def posted(**changes) -> dict:
    """A valid check-in as the form posts it, with `changes` on top."""
    data: dict[str, str | list[str]] = {name: str(value) for name, value in STEADY.items()}
    data.update({"triggers": [], "new_triggers": "", "note": ""})
    data.update(changes)
    return data


class _Folds(HTMLParser):
    """Collects each <details> of a page's forms as (its summary's text, whether it is open).

    Only inside a form: the page around it (the folded menu) is not the check-in's.
    """

    def __init__(self) -> None:
        super().__init__()
        self.folds: list[tuple[str, bool]] = []
        self._forms = 0
        self._open: bool | None = None
        self._in_summary = False
        self._summary = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "form":
            self._forms += 1
        elif tag == "details" and self._forms:
            self._open = any(name == "open" for name, _ in attrs)
        elif tag == "summary" and self._open is not None:
            self._in_summary, self._summary = True, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._forms -= 1
        elif tag == "summary" and self._in_summary:
            self._in_summary = False
            self.folds.append((" ".join(self._summary.split()), bool(self._open)))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._in_summary:
            self._summary += data


def folds(html: str) -> dict[str, bool]:
    """Each folded part of a page's forms by its summary, and whether it starts open."""
    parser = _Folds()
    parser.feed(html)
    return dict(parser.folds)
