"""The form every tool's forms build on: kind messages and accessible fields."""

from __future__ import annotations

from typing import Any

from django import forms

from reclaim.core.text import CleanTextForm

# Long enough for anything a member would type into one box of a tool;
# the journal is the place for longer writing.
TEXT_LIMIT = 5_000
SHORT_LIMIT = 300


def text(label: str, *, required: bool = False, long: bool = True, help_text: str = "") -> Any:
    """A free-text field with a kind message when it is too long."""
    limit = TEXT_LIMIT if long else SHORT_LIMIT
    field = forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        strip=True,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput(),
        error_messages={
            "required": "This one needs a few words.",
            "max_length": f"This is longer than this box can hold ({limit:,} characters). "
            "Could you shorten it? Your words are still here.",
        },
    )
    return field


class ToolForm(CleanTextForm, forms.Form):
    """Adds aria-describedby and aria-invalid so help and errors are read out.

    Errors are marked after validation (in full_clean), never while the form
    is built, so a subclass may still change its fields in its own __init__.
    Through CleanTextForm every tool's form also gets its posted text
    without bidirectional control characters, before any field checks it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            described = [attrs.get("aria-describedby", ""), f"id_{name}-error"]
            attrs["aria-describedby"] = " ".join(part for part in described if part)
