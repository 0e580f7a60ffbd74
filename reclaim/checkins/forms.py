from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from django import forms

from reclaim.core.text import CleanTextForm

from .actions import tidy_trigger
from .models import (
    COMMON_TRIGGERS,
    NEW_TRIGGERS_PER_CHECKIN,
    NOT_RATED,
    NOTE_MAX_LENGTH,
    OWN_TRIGGERS_MAX,
    SCALE_MAX,
    SCALES,
    TRIGGER_MAX_LENGTH,
    CheckIn,
    Scale,
)

KEPT = "Your other answers are still here."
NONE_RATED = (
    "Could you choose a number for at least one of the five? One is enough; the others "
    f"can stay {NOT_RATED}. If today is more for words than numbers, your journal is "
    "there too. " + KEPT
)
# The choices of every scale: a number from 0 to SCALE_MAX, or none. "Not rated"
# comes last so it can sit under the numbers, between the words at both ends,
# and so it is also the way back for a member who wants to clear a number.
_SCALE_CHOICES = [*((n, str(n)) for n in range(SCALE_MAX + 1)), ("", "Not rated")]


def _scale_field(scale: Scale) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=scale.label,
        choices=_SCALE_CHOICES,
        coerce=int,
        # Nothing chosen, or "Not rated", is kept as no number at all.
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": f"{scale.label} goes from 0 ({scale.low}) to {SCALE_MAX} "
            f"({scale.high}). Could you choose one of those numbers? {KEPT}",
        },
    )


@dataclass(frozen=True)
class ScaleRow:
    """One scale as the form draws it: a row of numbers, then "not rated" between its words."""

    field: forms.BoundField
    scale: Scale

    @property
    def numbers(self) -> list[forms.boundfield.BoundWidget]:
        return self.field.subwidgets[:-1]

    @property
    def not_rated(self) -> forms.boundfield.BoundWidget:
        return self.field.subwidgets[-1]


class CheckInForm(CleanTextForm, forms.Form):
    """The check-in: five 0-10 scales, trigger chips, new own triggers and a note.

    A scale left alone is not rated (None), and at least one must be rated.

    `own_triggers` are the names the member added before; `keep_triggers`
    are names an existing check-in already carries, offered so editing it
    never drops one.
    """

    triggers = forms.MultipleChoiceField(
        label="Anything that set you off?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "We did not recognise one of the triggers. "
            "Could you choose them again? " + KEPT
        },
    )
    new_triggers = forms.CharField(
        label="Add your own",
        help_text="Separate them with commas. We will offer them again next time.",
        required=False,
        max_length=1000,
        error_messages={
            "max_length": "That is a lot to add at once. Could you add a few now "
            "and more next time? " + KEPT
        },
    )
    # No max_length here: it would put a maxlength on the textarea, and a
    # browser cuts pasted text at that length without a word. The length is
    # checked in clean_note instead, with the text kept.
    note = forms.CharField(
        label="A note, if you like",
        help_text="Only you can read it.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(
        self,
        *args: Any,
        own_triggers: Iterable[str] = (),
        keep_triggers: Iterable[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # The scales come first, in the order of SCALES. They start with no
        # number chosen: a number the member did not give is not theirs.
        scale_fields = {scale.name: _scale_field(scale) for scale in SCALES}
        self.fields = {**scale_fields, **self.fields}
        own_triggers = list(own_triggers)
        # The form offers a way to tidy the member's own list when there is one.
        self.own_trigger_count = len(own_triggers)
        self.offered_folded = {
            name.casefold() for name in (*COMMON_TRIGGERS, *own_triggers, *keep_triggers)
        }
        offered: list[str] = []
        for name in (*COMMON_TRIGGERS, *own_triggers, *keep_triggers):
            if name not in offered:
                offered.append(name)
        cast(forms.ChoiceField, self.fields["triggers"]).choices = [
            (name, name) for name in offered
        ]

    @classmethod
    def for_checkin(
        cls, checkin: CheckIn, data: Any = None, own_triggers: Iterable[str] = ()
    ) -> CheckInForm:
        initial = {**checkin.scale_values, "triggers": checkin.triggers or [], "note": checkin.note}
        return cls(
            data,
            initial=initial,
            own_triggers=own_triggers,
            keep_triggers=checkin.triggers or [],
        )

    def scale_rows(self) -> list[ScaleRow]:
        return [ScaleRow(self[scale.name], scale) for scale in SCALES]

    def folded_open(self) -> dict[str, bool]:
        """Whether the folded triggers and note start open: when they hold something.

        They are folded so the numbers fit on a phone screen, but an answer
        the member gave, or an error in one, must never be hidden.
        """
        triggers = ("triggers", "new_triggers")
        return {
            "triggers": any(self[name].value() or self[name].errors for name in triggers),
            "note": bool(self["note"].value() or self["note"].errors),
        }

    def clean_new_triggers(self) -> list[str]:
        names = []
        for raw in self.cleaned_data["new_triggers"].split(","):
            name = tidy_trigger(raw)
            if len(" ".join(raw.split())) > TRIGGER_MAX_LENGTH:
                raise forms.ValidationError(
                    f"“{name[:24]}…” is a little long. Could you keep each one under "
                    f"{TRIGGER_MAX_LENGTH} characters? " + KEPT
                )
            if name:
                names.append(name)
        # Only names we do not offer yet become new triggers of the member's own.
        new = {name.casefold() for name in names} - self.offered_folded
        if len(new) > NEW_TRIGGERS_PER_CHECKIN:
            raise forms.ValidationError(
                f"That is {len(new)} new triggers at once, and one check-in can add up to "
                f"{NEW_TRIGGERS_PER_CHECKIN}. Could you add a few now and more next time? " + KEPT
            )
        if new and self.own_trigger_count + len(new) > OWN_TRIGGERS_MAX:
            room = max(OWN_TRIGGERS_MAX - self.own_trigger_count, 0)
            raise forms.ValidationError(
                f"Your own list can hold {OWN_TRIGGERS_MAX} triggers, and there is room for "
                f"{room} more. You could remove some you no longer need with “Tidy your own "
                "triggers” below, then add these. " + KEPT
            )
        return names

    def clean_note(self) -> str:
        note = self.cleaned_data["note"]
        if len(note) > NOTE_MAX_LENGTH:
            raise forms.ValidationError(
                f"Your note is {len(note):,} characters long, and one note can hold up to "
                f"{NOTE_MAX_LENGTH:,}. Could you shorten it, or keep the rest in your "
                "journal? Your words are still here."
            )
        return note

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        scale_errors = any(scale.name in self.errors for scale in SCALES)
        if not scale_errors and all(cleaned.get(scale.name) is None for scale in SCALES):
            raise forms.ValidationError(NONE_RATED, code="none_rated")
        return cleaned

    def checkin_data(self) -> dict[str, Any]:
        """The cleaned answers in the shape `actions.do_create_checkin` takes."""
        data = {scale.name: self.cleaned_data[scale.name] for scale in SCALES}
        data["triggers"] = [*self.cleaned_data["triggers"], *self.cleaned_data["new_triggers"]]
        data["note"] = self.cleaned_data["note"]
        return data
