from __future__ import annotations

from typing import Any

from django import forms

from reclaim.toolkit.forms import ToolForm, text

from .models import PLACES


class EntryForm(ToolForm):
    intensity = forms.IntegerField(
        label="How strong is the anger?",
        min_value=0,
        max_value=10,
        initial=5,
        error_messages={
            "required": "Could you move the slider to a number from 0 to 10? "
            "Your words are still here.",
            "invalid": "The strength is a number from 0 to 10. Your words are still here.",
            "min_value": "The strength is a number from 0 to 10. Your words are still here.",
            "max_value": "The strength is a number from 0 to 10. Your words are still here.",
        },
    )
    places = forms.MultipleChoiceField(
        label="Where do you feel it in your body?",
        choices=PLACES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Please choose from the places shown."},
    )
    own_place = text(
        "Somewhere else, in your own words",
        long=False,
        help_text="For example: my back, behind my eyes.",
    )
    trigger = text("What set it off?")
    urge = text(
        "What did you feel like doing?", help_text="Any urge is allowed to be written down here."
    )
    action = text("What did you do?")

    def entry_data(self) -> dict[str, Any]:
        """The cleaned answers in the shape `actions.do_log` takes."""
        return {
            name: self.cleaned_data[name]
            for name in ("intensity", "places", "own_place", "trigger", "urge", "action")
        }
