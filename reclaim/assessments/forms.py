"""Forms for questionnaires.

The questions themselves are not a Django form: each page is a handful of
radio groups built straight from the instrument definition, so the wording
stays exactly as published (reading them is in ``paging.py``). Only the note
and the reminder settings are ordinary forms.
"""

from __future__ import annotations

from django import forms

from reclaim.core.text import CleanTextForm

from .models import NOTE_MAX_LENGTH


class NoteForm(CleanTextForm, forms.Form):
    note = forms.CharField(
        label="Anything you would like to add? (optional)",
        help_text="Only you can read this. It is kept with your result.",
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_note(self) -> str:
        note = self.cleaned_data["note"]
        if len(note) > NOTE_MAX_LENGTH:
            raise forms.ValidationError(
                f"This note is a little long for here (the most is {NOTE_MAX_LENGTH:,} "
                "characters). Could you shorten it? Your words are still in the box."
            )
        return note


class ReminderPreferenceForm(CleanTextForm, forms.Form):
    in_app = forms.BooleanField(
        label="Show a gentle note here when a questionnaire could be taken again",
        required=False,
    )
    by_email = forms.BooleanField(
        label="Also send me an e-mail",
        help_text=(
            'The e-mail only says "A reminder" and asks you to sign in. It never says '
            "what it is about."
        ),
        required=False,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "by-email-help"}),
    )

    def __init__(self, *args, can_email: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # E-mail is only offered with a verified address, so a reminder
        # never goes to an address the member may not control.
        if not can_email:
            del self.fields["by_email"]
