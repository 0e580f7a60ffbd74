from __future__ import annotations

from typing import Any

from django import forms

from reclaim.core.text import CleanTextForm

from .models import SECTIONS

# Long enough for anything a person would write in one section, short enough that a
# pasted book is refused with a kind message instead of being sealed.
SECTION_MAX = 4000
ITEMS_MAX = 40


class SafetyPlanForm(CleanTextForm, forms.Form):
    """One textarea per section, one item per line, so it works without JavaScript."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for section in SECTIONS:
            self.fields[section.key] = forms.CharField(
                label=section.title,
                help_text=section.help,
                required=False,
                max_length=SECTION_MAX,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={
                    "max_length": (
                        "This part is longer than we can keep (%(limit_value)d characters). "
                        "Could you shorten it a little? Your words are still here."
                    )
                },
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for section in SECTIONS:
            items = split_items(cleaned.get(section.key) or "")
            if len(items) > ITEMS_MAX:
                self.add_error(
                    section.key,
                    f"That is a lot of lines for one part (the most is {ITEMS_MAX}). "
                    "Could you combine a few? Your words are still here.",
                )
        return cleaned

    def sections(self) -> dict[str, list[str]]:
        """The plan as stored: each section a list of its non-empty lines."""
        return {
            section.key: split_items(self.cleaned_data.get(section.key) or "")
            for section in SECTIONS
        }

    @staticmethod
    def initial_from(sections: dict[str, list[str]]) -> dict[str, str]:
        return {key: "\n".join(items) for key, items in sections.items()}


def split_items(text: str) -> list[str]:
    """One item per line; blank lines and surrounding spaces dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


THINKING_CHOICES = [("yes", "Yes"), ("no", "No"), ("unsure", "I'm not sure")]
SAFE_CHOICES = [("yes", "Yes"), ("no", "No")]


class SafetyCheckForm(CleanTextForm, forms.Form):
    """The two short questions in the urgent panel. Both may be left unanswered.

    Always used with PREFIX: the panel sits on other apps' pages, and their forms'
    ids must not clash with these.
    """

    PREFIX = "safety"

    event = forms.UUIDField(widget=forms.HiddenInput)
    thinking = forms.ChoiceField(
        label="Are you thinking about ending your life right now?",
        choices=THINKING_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    safe = forms.ChoiceField(
        label="Are you safe where you are right now?",
        choices=SAFE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )


class EventForm(CleanTextForm, forms.Form):
    """Names one risk event (for "I'm OK for now" and for deleting from the record)."""

    event = forms.UUIDField(widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)
