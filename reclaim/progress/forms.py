"""The summary form: which period, what to include, which journal entries to quote."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from django import forms

from reclaim.core.numbers import period_words
from reclaim.core.text import CleanTextForm

from .summary import PERIODS


class OwnChoicesField(forms.MultipleChoiceField):
    """Keeps the ticked values that are among the choices and quietly drops the rest.

    The choices are the member's own entries in the period. Anything else in
    the post (someone else's id, an old entry, a typo) is left out rather
    than named in an error, so an error message can never confirm that an
    id exists.
    """

    def clean(self, value: object) -> list[str]:
        # The choices are always set as a list of pairs (see SummaryForm).
        known = {str(key) for key, _label in cast(list[tuple[object, str]], self.choices)}
        values = value if isinstance(value, list | tuple) else []
        return [str(v) for v in values if str(v) in known]


class SummaryForm(CleanTextForm, forms.Form):
    days = forms.TypedChoiceField(
        choices=[(days, period_words(days)) for days in PERIODS.choices],
        coerce=int,
        error_messages={
            "required": "Could you choose a period?",
            "invalid_choice": "Could you choose one of the periods?",
        },
    )
    include_checkins = forms.BooleanField(required=False)
    include_scores = forms.BooleanField(required=False)
    entries = OwnChoicesField(required=False)

    def __init__(self, *args: object, entry_ids: Sequence[str] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        cast(OwnChoicesField, self.fields["entries"]).choices = [
            (entry_id, entry_id) for entry_id in entry_ids
        ]

    def clean(self) -> dict:
        super().clean()
        cleaned = self.cleaned_data
        if not (
            cleaned.get("include_checkins")
            or cleaned.get("include_scores")
            or cleaned.get("entries")
        ):
            raise forms.ValidationError(
                "There is nothing to put in the summary yet. You could tick check-ins, "
                "questionnaires or an entry or two."
            )
        return cleaned
