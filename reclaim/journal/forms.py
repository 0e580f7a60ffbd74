from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms

from reclaim.core.text import CleanTextForm, clean_text

from .models import BODY_LIMIT, TITLE_LIMIT
from .prompts import get_prompt

TAG_LIMIT = 40
TAGS_PER_ENTRY = 20


def _values(data: Mapping[str, Any], name: str) -> list[Any]:
    """Every value of `name`, from a QueryDict, a parsed JSON object or a dict."""
    if hasattr(data, "getlist"):
        return data.getlist(name)
    value = data.get(name)
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def split_tags(values: Iterable[Any]) -> list[str]:
    """Tags from comma-separated text and chosen chips, tidied and without repeats."""
    seen: set[str] = set()
    tags: list[str] = []
    for value in values:
        if not isinstance(value, str):
            continue
        for piece in clean_text(value).split(","):
            tag = " ".join(piece.split()).lstrip("#").strip()
            if tag and tag.casefold() not in seen:
                seen.add(tag.casefold())
                tags.append(tag)
    return tags


def tags_from(data: Mapping[str, Any]) -> list[str]:
    """The typed tags (`tags`) and the chips the member ticked (`tag_choice`)."""
    return split_tags(_values(data, "tags") + _values(data, "tag_choice"))


def text_from(data: Mapping[str, Any], name: str) -> str:
    """One text value as the member typed it, less bidi controls (drafts skip the form)."""
    values = _values(data, name)
    value = values[-1] if values else ""
    return clean_text(value) if isinstance(value, str) else ""


class EntryForm(CleanTextForm, forms.Form):
    title = forms.CharField(
        label="Title",
        help_text="Optional.",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    # No max_length here on purpose: the browser would then cut a long
    # paste short without a word. The limit is checked below, kindly.
    body = forms.CharField(
        label="Write here",
        widget=forms.Textarea(attrs={"rows": 14, "autocomplete": "off", "spellcheck": "true"}),
        error_messages={
            "required": "There's nothing to save yet. Write as much or as little as you like."
        },
    )
    tags = forms.CharField(
        label="Tags",
        help_text="Optional. Separate them with commas, for example: sleep, anger, a good day.",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    prompt = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_title(self) -> str:
        title = self.cleaned_data["title"]
        if len(title) > TITLE_LIMIT:
            raise forms.ValidationError(
                f"A title can be up to {TITLE_LIMIT} characters, and this one has "
                f"{len(title):,}. Could you shorten it? Your words are still here."
            )
        return title

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if len(body) > BODY_LIMIT:
            raise forms.ValidationError(
                f"One entry can hold up to {BODY_LIMIT:,} characters, and this has "
                f"{len(body):,}. All your words are still here on this page, and the "
                f"first {BODY_LIMIT:,} are kept as a draft. You could save part of it now "
                "and the rest as a new entry."
            )
        return body

    def clean_prompt(self) -> str:
        prompt = get_prompt(self.cleaned_data["prompt"])
        return prompt.code if prompt else ""

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        tags = tags_from(self.data)
        too_long = [tag for tag in tags if len(tag) > TAG_LIMIT]
        if too_long:
            self.add_error(
                "tags",
                f"A tag can be up to {TAG_LIMIT} characters. Could you shorten "
                f"“{too_long[0][:TAG_LIMIT]}…”?",
            )
        elif len(tags) > TAGS_PER_ENTRY:
            self.add_error(
                "tags",
                f"One entry can have up to {TAGS_PER_ENTRY} tags, and this has {len(tags)}. "
                "Could you leave a few out?",
            )
        else:
            cleaned["tags"] = tags
        return cleaned


class SearchForm(CleanTextForm, forms.Form):
    q = forms.CharField(
        label="Search your entries",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    tag = forms.CharField(
        label="Only with this tag",
        help_text="Optional.",
        required=False,
        max_length=TAG_LIMIT + 1,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
