"""Forms for questionnaires.

The questions themselves are not a Django form: each page is a handful of
radio groups built straight from the instrument definition, so the wording
stays exactly as published. Only the note and the reminder settings are
ordinary forms.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from django import forms

from reclaim.core.text import CleanTextForm

from .instruments import Instrument
from .models import NOTE_MAX_LENGTH

# Short pages keep a long questionnaire calm on a phone: at most this many
# questions at a time, spread evenly (PHQ-9 as 5 + 4, not 5 + 4 + 0).
MOST_PER_PAGE = 5


def page_ranges(item_count: int) -> list[range]:
    """The item numbers on each page, e.g. 9 items -> [range(1, 6), range(6, 10)]."""
    pages = max(1, math.ceil(item_count / MOST_PER_PAGE))
    per_page = math.ceil(item_count / pages)
    return [
        range(start, min(start + per_page, item_count + 1))
        for start in range(1, item_count + 1, per_page)
    ]


def answers_from_post(
    instrument: Instrument, data: Mapping[str, str], numbers: Iterable[int]
) -> dict[int, int]:
    """The valid answers among ``numbers`` in posted data (fields ``q1``, ``q2`` …).

    Anything that is not one of the instrument's answer values is treated as
    not answered, so the member is simply asked again.
    """
    allowed = {str(option.value): option.value for option in instrument.options}
    answers: dict[int, int] = {}
    for number in numbers:
        raw = (data.get(f"q{number}") or "").strip()
        if raw in allowed:
            answers[number] = allowed[raw]
    return answers


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
