from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from reclaim.toolkit.forms import ToolForm
from reclaim.toolkit.forms import text as free_text

from .models import ACCOMPLISHMENT


def _item_text(label: str, help_text: str, needed: str) -> Any:
    field = free_text(label, required=True, long=False, help_text=help_text)
    field.error_messages["required"] = needed
    field.widget.attrs["autocomplete"] = "off"
    return field


_NOTE_HELP = "What it looked like, or when. Only you will read it."


class StrengthForm(ToolForm):
    text = _item_text(
        "Something you are, or do well",
        "For example: patient, good with my hands, a loyal friend.",
        "Write a few words about your strength, and it will be kept here.",
    )
    note = free_text("A note", help_text=_NOTE_HELP)


class AccomplishmentForm(ToolForm):
    text = _item_text(
        "Something you have done",
        "Big or small, from any time in your life.",
        "Write a few words about what you did, and it will be kept here.",
    )
    note = free_text("A note", help_text=_NOTE_HELP)


def item_form(kind: str) -> type[ToolForm]:
    return AccomplishmentForm if kind == ACCOMPLISHMENT else StrengthForm


class EvidenceForm(ToolForm):
    text = _item_text(
        "One piece of evidence that you are enough",
        "",
        "Write one line, even a small one, and it will be kept here.",
    )
    day = forms.DateField(
        label="The day it is about",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Today, unless you choose another day.",
        error_messages={"invalid": "That does not look like a date. Could you check it?"},
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_day(self) -> date:
        day = self.cleaned_data.get("day") or self.today
        if day > self.today:
            raise forms.ValidationError(
                "That date is in the future. Could you check it? Your words are still here."
            )
        return day
