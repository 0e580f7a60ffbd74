"""The file a member takes with them: the JSON document and a readable page of it, zipped.

`core.export` gathers the document from every app; this module turns it into
the download. Names inside and outside the zip are neutral ("my-copy"), so a
file left in a shared phone's downloads says nothing about what it holds.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, timedelta
from typing import Any

from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

# How long a finished copy waits to be downloaded; after that it is deleted.
KEPT_FOR = timedelta(hours=24)
# How often the page showing progress looks again, in seconds.
REFRESH_SECONDS = 3

JSON_NAME = "my-copy.json"
PAGE_NAME = "my-copy.html"


def download_name(today: date) -> str:
    """The zip's name: the day it was made and nothing about what is inside."""
    return f"my-copy-{today:%Y-%m-%d}.zip"


def _label(key: str) -> str:
    """A list's or a field's name as words: "own_triggers" reads "Own triggers"."""
    return key.replace("_", " ").capitalize()


def _shown(value: Any) -> SafeString:
    """One value as HTML: a mapping as labelled pairs, a list as a list, words escaped."""
    if isinstance(value, dict):
        pairs = [(k, v) for k, v in value.items() if v not in (None, "", [], {})]
        if not pairs:
            return mark_safe("")
        return format_html(
            "<dl>{}</dl>",
            format_html_join(
                "", "<dt>{}</dt><dd>{}</dd>", ((_label(str(k)), _shown(v)) for k, v in pairs)
            ),
        )
    if isinstance(value, list):
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((_shown(v),) for v in value))
        )
    if isinstance(value, bool):
        return format_html("{}", "yes" if value else "no")
    if isinstance(value, str) and "\n" in value:
        # Paragraphs the member wrote stay paragraphs.
        return format_html('<span class="words">{}</span>', value)
    return format_html("{}", value)


def readable_page(document: dict[str, Any]) -> str:
    """The same document as one printable HTML page, part by part."""
    parts = []
    for part in document["parts"].values():
        lists = [
            {"title": _label(name), "rows": [_shown(row) for row in rows]}
            for name, rows in part.items()
            if name != "title"
        ]
        parts.append({"title": part["title"], "lists": lists})
    return render_to_string(
        "accounts/export_readable.html",
        {"parts": parts, "exported_at": document["exported_at"], "version": document["version"]},
    )


def zipped(document: dict[str, Any]) -> bytes:
    """The download: the JSON (the whole truth) and the readable page, in one zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, json.dumps(document, ensure_ascii=False, indent=2))
        archive.writestr(PAGE_NAME, readable_page(document))
    return buffer.getvalue()
