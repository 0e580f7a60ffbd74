"""The Sharing page's forms: a code, the name to show, and the switches."""

from __future__ import annotations

from typing import Any

from django import forms

from reclaim.assessments import queries as assessments
from reclaim.core.text import CleanTextForm

from .actions import SHOWN_NAME_LIMIT

# One message for every code that cannot be used (unknown, used, expired):
# it must not tell a guesser which codes exist.
CODE_REFUSED = (
    "That code didn't work. It may have been typed a little differently, used already, "
    "or be past its date. Could you check it, or ask your practitioner for a new one?"
)


class CodeForm(CleanTextForm, forms.Form):
    code = forms.CharField(
        label="Code from your practitioner",
        max_length=20,
        help_text="It looks like K7M-4QX. Capitals and the dash do not matter.",
        error_messages={"required": "Could you type the code your practitioner gave you?"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class ConnectForm(CleanTextForm, forms.Form):
    code = forms.CharField(max_length=20, widget=forms.HiddenInput)
    shown_name = forms.CharField(
        label="The name they will see",
        max_length=SHOWN_NAME_LIMIT,
        help_text="Any name you like: your first name, initials, or what they call you.",
        error_messages={"required": "Could you give a name they will know you by?"},
    )


def _instrument_choices() -> list[tuple[str, str]]:
    return [(i.code, i.short_name) for i in assessments.enabled_instruments()]


class SwitchesForm(CleanTextForm, forms.Form):
    results = forms.MultipleChoiceField(
        label="Questionnaire results (scores, what they mean, and real change)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    answers = forms.MultipleChoiceField(
        label="Your answer to each question (only with that questionnaire's results)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    trends = forms.BooleanField(
        label="Check-in trends: weekly averages and the triggers you name most (never your notes)",
        required=False,
    )
    safety_plan = forms.BooleanField(label="Your safety plan", required=False)
    risk_alerts = forms.BooleanField(
        label="Send them an alert when you may be at urgent risk: that it happened and when, "
        "never your words",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = _instrument_choices()
        for name in ("results", "answers"):
            field = self.fields[name]
            assert isinstance(field, forms.MultipleChoiceField)
            field.choices = choices
