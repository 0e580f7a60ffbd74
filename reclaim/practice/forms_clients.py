"""The forms on a client's page: a private note, a suggestion, and alerts marked seen."""

from __future__ import annotations

from typing import Any

from django import forms

from reclaim.core.text import CleanTextForm
from reclaim.sharing import suggestions
from reclaim.sharing.actions import NOTE_LIMIT


class PrivateNoteForm(CleanTextForm, forms.Form):
    """A note about a client that only the practitioner who writes it can read."""

    text = forms.CharField(
        label="A note for yourself",
        max_length=NOTE_LIMIT,
        help_text="Only you can read it: not the client, and no one else in the practice.",
        error_messages={
            "required": "The note is empty. Write something to keep, or leave it for now.",
            "max_length": f"A note can hold up to {NOTE_LIMIT:,} characters. "
            "Could you shorten it, or keep the rest in a second note?",
        },
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    things = suggestions.catalogue()
    return [
        (title, [(thing.value, thing.name) for thing in things if thing.kind == kind])
        for kind, title in suggestions.KINDS.items()
    ]


class SuggestForm(CleanTextForm, forms.Form):
    """One thing from the catalogue to suggest; the client may take it up or not."""

    thing = forms.ChoiceField(
        label="Suggest something",
        help_text="They will see it on their Sharing page, to take up or set aside.",
        error_messages={
            "required": "Choose something to suggest.",
            "invalid_choice": "That is not on the list any more. Could you choose again?",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["thing"].choices = [("", "Choose…"), *_grouped_choices()]  # type: ignore[attr-defined]

    def kind_and_key(self) -> tuple[str, str]:
        kind, _, key = self.cleaned_data["thing"].partition(":")
        return kind, key


class AlertsSeenForm(CleanTextForm, forms.Form):
    """Alerts marked seen, up to the newest one the page showed.

    An alert raised after the page was drawn is not among them, so it stays
    new until the practitioner has had it in front of them.
    """

    until = forms.DateTimeField(widget=forms.HiddenInput)
