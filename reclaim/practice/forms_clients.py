"""The form on a client's page: a practitioner's private note."""

from __future__ import annotations

from django import forms

from reclaim.core.text import CleanTextForm
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
