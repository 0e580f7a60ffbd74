"""Text a member sends, made safe to keep and to show again.

Bidirectional control characters are invisible marks that tell a browser to
lay out the text after them right to left (or to isolate it). Typed into a
display name or a tag, one of them turns the rest of the line around on
every page that shows it, and in a summary it can make words read as
something else. Nobody needs them in this app's English text, so every text
field drops them before anything is checked or saved: `clean_text` is the
one place that knows which they are, and `CleanTextForm` applies it to every
value a form is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.http import QueryDict

# U+202A-U+202E: embeddings and overrides; U+2066-U+2069: isolates;
# U+200E/U+200F: the left-to-right and right-to-left marks; U+061C: the
# Arabic letter mark. These are all the characters Unicode lists as
# Bidi_Control.
BIDI_CONTROLS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"]
)
_DROP_BIDI = {ord(c): None for c in BIDI_CONTROLS}


def listed(words: Sequence[str]) -> str:
    """Words as a sentence lists them: "mood", "mood and sleep", "mood, sleep and self-worth"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def clean_text(value: str) -> str:
    """`value` without bidirectional control characters; everything else kept as typed."""
    return value.translate(_DROP_BIDI)


def has_bidi_controls(value: str) -> bool:
    return any(c in BIDI_CONTROLS for c in value)


def clean_posted(data: Any, keep: frozenset[str] = frozenset()) -> Any:
    """A copy of posted data with every text value cleaned; keys in `keep` stay as sent.

    Works for a QueryDict (several values per key are cleaned one by one)
    and for a plain mapping such as parsed JSON. Anything else is returned
    unchanged, so the form reports it as it would have.
    """
    if isinstance(data, QueryDict):
        cleaned = QueryDict(mutable=True, encoding=data.encoding)
        for key, values in data.lists():
            if key in keep:
                cleaned.setlist(key, values)
            else:
                cleaned.setlist(key, [_clean_value(v) for v in values])
        cleaned._mutable = False
        return cleaned
    if isinstance(data, Mapping):
        return {key: value if key in keep else _clean_value(value) for key, value in data.items()}
    return data


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return [_clean_value(v) for v in value]
    return value


class CleanTextForm(forms.BaseForm):
    """A mixin for every form a member types into: their text arrives without bidi controls.

    The cleaning happens to the posted data itself, before any field or
    `clean_…` method sees it, so a name of only control characters is as
    empty as it looks, lengths count what is kept, and views that read
    `form.data` get the same clean text. Passwords are left exactly as typed:
    changing them would lock a member out.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound:
            keep = frozenset(
                self.add_prefix(name)
                for name, field in self.fields.items()
                if isinstance(field.widget, forms.PasswordInput)
            )
            self.data = clean_posted(self.data, keep)
