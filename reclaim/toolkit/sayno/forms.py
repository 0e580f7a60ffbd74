"""The forms of the saying-no tool: a practice reply, and a real no for the log."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from reclaim.toolkit.forms import ToolForm, text

# The last chip lets a member take back a number they chose before.
FELT_CHOICES = [(str(n), str(n)) for n in range(11)] + [("", "Leave it out")]


class PracticeForm(ToolForm):
    moment = text(
        "What is it about?",
        long=False,
        help_text="A word or two is plenty, for example: the school run, a weekend away.",
    )
    draft = text("Your reply")

    def __init__(self, *args: Any, own: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not own:
            del self.fields["moment"]
        self.fields["draft"].widget.attrs.update({"rows": 4, "autocomplete": "off"})


class RealNoForm(ToolForm):
    day = forms.DateField(
        label="When",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Which day was it? A rough guess is fine.",
            "invalid": "That date doesn't look right. Could you check it? Your words are still here.",
        },
    )
    who = text(
        "Who or what it was about",
        long=False,
        help_text="Only you can see this. A first name or a word is enough.",
    )
    said = text("What you said")
    went = text("How it went")
    felt = forms.TypedChoiceField(
        label="How you felt afterwards",
        choices=FELT_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        help_text="0 is at your lowest, 10 is steady and at peace with it. You can leave it out.",
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        # Before the form's own set-up, which already checks a bound form.
        self.today = today
        super().__init__(*args, **kwargs)
        self.fields["day"].widget.attrs["max"] = today.isoformat()

    def clean_day(self) -> date:
        day = self.cleaned_data["day"]
        if day > self.today:
            raise forms.ValidationError(
                "That date is in the future. Could you check it? Your words are still here."
            )
        return day

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if not any(cleaned.get(name) for name in ("who", "said", "went")) and not self.errors:
            raise forms.ValidationError(
                "A few words in any one box are enough to keep this: who it was, what you "
                "said, or how it went."
            )
        return cleaned
