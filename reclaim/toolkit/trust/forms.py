"""The forms of the trust tool: an agreement, and a dated observation."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date
from typing import Any, cast

from django import forms
from django.utils.text import Truncator

from reclaim.toolkit.forms import ToolForm, text

from .models import OUTCOMES, TRUST_MAX, TRUST_MIN, Agreement

FUTURE = "That date is in the future. Could you check it? Your words are still here."
NOT_A_DAY = "That does not look like a date. Could you check it? Your words are still here."

TRUST_CHOICES = [(str(n), str(n)) for n in range(TRUST_MIN, TRUST_MAX + 1)]


def _day_field(label: str, *, required: bool, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Which day was it? Your words are still here.",
            "invalid": NOT_A_DAY,
        },
    )


def _needing(field: Any, code: str, message: str) -> Any:
    """The field with its own kind message for `code`."""
    field.error_messages[code] = message
    return field


class AgreementForm(ToolForm):
    text = _needing(
        text(
            "What we agreed", required=True, help_text="In your own words, as plainly as you like."
        ),
        "required",
        "An agreement needs a few words: what did you agree?",
    )
    since = _day_field(
        "Since when",
        required=False,
        help_text="The day it began, if you know it.",
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_since(self) -> date | None:
        since = self.cleaned_data.get("since")
        if since and since > self.today:
            raise forms.ValidationError(FUTURE)
        return since


class ObservationForm(ToolForm):
    """How an agreement went, how much I trust right now, or both; and a note.

    An agreement needs an outcome; without an agreement, the trust level is
    what is kept, so then it is needed.
    """

    agreement = _needing(
        forms.ChoiceField(
            label="Which agreement?",
            required=False,
            help_text="Choose none to keep only how much you trust.",
        ),
        "invalid_choice",
        "That agreement is no longer here. Could you choose another? Your words are still here.",
    )
    outcome = forms.ChoiceField(
        label="How did it go?",
        required=False,
        choices=OUTCOMES,
        widget=forms.RadioSelect,
    )
    trust = forms.TypedChoiceField(
        label="How much do you trust right now?",
        required=False,
        choices=TRUST_CHOICES,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    note = text("A note", help_text="What you noticed, in your own words.")
    day = _day_field("Which day?", required=True)

    def __init__(
        self, *args: Any, agreements: Iterable[Agreement], today: date, **kwargs: Any
    ) -> None:
        self.today = today
        # The member's agreements go on this form's own copy of the fields
        # before ToolForm.__init__ runs, because it validates a bound form
        # straight away (to mark the fields with errors).
        self.base_fields = copy.deepcopy(type(self).base_fields)  # type: ignore[misc]  # this instance's own fields, on purpose
        choices = [
            ("", "None"),
            *((str(a.pk), Truncator(a.text).chars(60)) for a in agreements),
        ]
        cast(forms.ChoiceField, self.base_fields["agreement"]).choices = choices
        # Whether the member has any agreement to link, beside "None".
        self.has_agreements = len(choices) > 1
        super().__init__(*args, **kwargs)

    def clean_day(self) -> date:
        day = self.cleaned_data["day"]
        if day > self.today:
            raise forms.ValidationError(FUTURE)
        return day

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("agreement"):
            if not data.get("outcome") and "outcome" not in self.errors:
                self.add_error(
                    "outcome",
                    "Was it kept, broken, or are you not sure? Choose one, or choose "
                    "no agreement above. Your words are still here.",
                )
        elif data.get("trust") is None and not {"trust", "agreement"} & set(self.errors):
            self.add_error(
                "trust",
                "Choose how much you trust right now, or an agreement and how it went, "
                "so there is something to keep. Your words are still here.",
            )
        return data

    def observation_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        agreement = data.get("agreement") or None
        return {
            "agreement_id": agreement,
            "outcome": (data.get("outcome") or None) if agreement else None,
            "trust": data.get("trust"),
            "note": data.get("note") or "",
            "day": data["day"],
        }
