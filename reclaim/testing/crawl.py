"""Test helpers that find every form of the app the way a member meets them.

`form_classes` imports every module under `reclaim` and lists the Django
form classes defined there. `url_patterns` walks the URL resolver. `crawl`
signs in as a member and follows links from every page that needs no
arguments, collecting each `<form method="post">` with its field names and
the values the page offers, and one or two real addresses for each URL name
(so object pages use the member's own rows). New tools are picked up as they
are installed: nothing here names one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django import forms
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

import reclaim

# Modules that are not part of the running app, or that do work on import.
_NOT_IMPORTED = ("tests", "migrations", "management", "testing")
_NOT_IMPORTED_MODULES = {"reclaim.wsgi", "reclaim.cli", "reclaim.safety.detection.train"}


def form_classes() -> list[type[forms.BaseForm]]:
    """Every form class defined in a module under `reclaim`, in a stable order."""
    for info in pkgutil.walk_packages(reclaim.__path__, "reclaim."):
        parts = info.name.split(".")
        if any(part in _NOT_IMPORTED for part in parts) or info.name in _NOT_IMPORTED_MODULES:
            continue
        importlib.import_module(info.name)
    found: set[type[forms.BaseForm]] = set()
    todo: list[type[forms.BaseForm]] = [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in found:
                todo.append(sub)
                if sub.__module__.startswith("reclaim.") and not any(
                    part in _NOT_IMPORTED for part in sub.__module__.split(".")
                ):
                    found.add(sub)
    # Mixins that are not forms on their own (CleanTextForm) have no fields.
    return sorted(
        (cls for cls in found if issubclass(cls, forms.Form | forms.ModelForm)),
        key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
    )


@dataclass(frozen=True)
class Pattern:
    name: str  # namespaced URL name, e.g. "journal:edit"
    route: str  # the route with its converters, e.g. "journal/<uuid:entry_id>/edit/"

    @property
    def takes_arguments(self) -> bool:
        return "<" in self.route


def url_patterns() -> list[Pattern]:
    """Every named URL pattern of the project, with its namespace."""

    def walk(resolvers: list, prefix: str, namespace: str) -> Iterator[Pattern]:
        for entry in resolvers:
            if isinstance(entry, URLResolver):
                ns = namespace
                if entry.namespace:
                    ns = f"{namespace}{entry.namespace}:"
                yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern) and entry.name:
                yield Pattern(f"{namespace}{entry.name}", prefix + str(entry.pattern))

    return sorted(set(walk(get_resolver().url_patterns, "", "")), key=lambda p: p.name)


@dataclass
class PostForm:
    """One `<form method="post">` as a page shows it."""

    action: str
    names: dict[str, list[str]] = field(default_factory=dict)  # field -> values the page offers


class _PageParser(HTMLParser):
    def __init__(self, page_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.links: list[str] = []
        self.forms: list[PostForm] = []
        self._form: PostForm | None = None
        self._select: str | None = None

    def _offer(self, name: str | None, value: str | None) -> None:
        if self._form is None or not name or name == "csrfmiddlewaretoken":
            return
        values = self._form.names.setdefault(name, [])
        if value is not None and value not in values:
            values.append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.page_url, a["href"]))
        elif tag == "form":
            if (a.get("method") or "get").lower() == "post":
                self._form = PostForm(urljoin(self.page_url, a.get("action") or self.page_url))
                self.forms.append(self._form)
            else:
                # A GET form (search) is a link with its fields as the query.
                self.links.append(urljoin(self.page_url, a.get("action") or self.page_url))
        elif tag in ("input", "button"):
            self._offer(a.get("name"), a.get("value"))
        elif tag == "textarea":
            self._offer(a.get("name"), None)
        elif tag == "select":
            self._select = a.get("name")
            self._offer(self._select, None)
        elif tag == "option" and self._select:
            self._offer(self._select, a.get("value", ""))
        # Elements such as data-draft-url name endpoints that scripts post to.
        for key, value in attrs:
            if key.startswith("data-") and key.endswith("-url") and value:
                self.forms.append(PostForm(urljoin(self.page_url, value)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


@dataclass
class Site:
    """What a crawl found: pages by URL name and every POST form by URL name."""

    pages: dict[str, list[str]] = field(default_factory=dict)
    forms: dict[str, list[PostForm]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # pages that answered with an error


def _url_name(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
        return None
    try:
        return resolve(parts.path).view_name
    except Resolver404:
        return None


def crawl(
    client: Client,
    start: list[str],
    *,
    never_get: frozenset[str],
    per_name: int = 2,
    most_pages: int = 400,
) -> Site:
    """Follow links from `start`, at most `per_name` pages per URL name.

    URL names in `never_get` are not visited (they end the session); their
    forms are still found on the pages that link to them.
    """
    site = Site()
    queue = list(start)
    seen: set[str] = set()
    while queue and sum(len(v) for v in site.pages.values()) < most_pages:
        url = queue.pop(0)
        path = url.split("#")[0]
        name = _url_name(path)
        if name is None or path in seen or name in never_get:
            continue
        seen.add(path)
        if len(site.pages.setdefault(name, [])) >= per_name:
            continue
        try:
            response = client.get(path)
        except Exception as error:  # The test client re-raises a view's error.
            site.errors.append(f"GET {path}: {error!r}")
            continue
        if response.status_code >= 500:
            site.errors.append(f"GET {path}: {response.status_code}")
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        site.pages[name].append(path)
        parser = _PageParser("http://testserver" + path)
        parser.feed(response.content.decode())
        for form in parser.forms:
            action_name = _url_name(form.action)
            if action_name is None:
                continue
            form.action = urlsplit(form.action).path
            known = site.forms.setdefault(action_name, [])
            # One page may post several forms to one address, told apart by
            # their fields (a page of settings, hours and date changes): each
            # counts. Addresses are kept to `per_name` per URL name.
            addresses = {f.action for f in known}
            if form.action not in addresses and len(addresses) >= per_name:
                continue
            if any(f.action == form.action and f.names.keys() == form.names.keys() for f in known):
                continue
            known.append(form)
        for link in parser.links:
            parts = urlsplit(link)
            if parts.netloc in ("", "testserver") and not parts.path.startswith("/static/"):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return site
