from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms

from reclaim.core.text import CleanTextForm

from .actions import tidy_trigger
from .models import (
    COMMON_TRIGGERS,
    NEW_TRIGGERS_PER_CHECKIN,
    NOTE_MAX_LENGTH,
    OWN_TRIGGERS_MAX,
    SCALE_MAX,
    SCALES,
    TRIGGER_MAX_LENGTH,
    CheckIn,
    Scale,
)

DEFAULT_SCALE_VALUE = 5
KEPT = "Your other answers are still here."


def _scale_field(scale: Scale) -> forms.IntegerField:
    out_of_range = (
        f"{scale.label} goes from 0 ({scale.low}) to {SCALE_MAX} ({scale.high}). "
        f"Could you choose a number in between? {KEPT}"
    )
    return forms.IntegerField(
        label=scale.label,
        min_value=0,
        max_value=SCALE_MAX,
        error_messages={
            "required": f"Please choose a number from 0 to {SCALE_MAX} for "
            f"{scale.label[0].lower() + scale.label[1:]}. {KEPT}",
            "invalid": out_of_range,
            "min_value": out_of_range,
            "max_value": out_of_range,
        },
    )


class CheckInForm(CleanTextForm, forms.Form):
    """The check-in: five sliders, trigger chips, new own triggers and a note.

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
        # The sliders come first, in the order of SCALES.
        scale_fields = {scale.name: _scale_field(scale) for scale in SCALES}
        self.fields = {**scale_fields, **self.fields}
        for name in scale_fields:
            self.initial.setdefault(name, DEFAULT_SCALE_VALUE)
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

    def scale_rows(self) -> list[tuple[forms.BoundField, Scale]]:
        return [(self[scale.name], scale) for scale in SCALES]

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

    def checkin_data(self) -> dict[str, Any]:
        """The cleaned answers in the shape `actions.do_create_checkin` takes."""
        data = {scale.name: self.cleaned_data[scale.name] for scale in SCALES}
        data["triggers"] = [*self.cleaned_data["triggers"], *self.cleaned_data["new_triggers"]]
        data["note"] = self.cleaned_data["note"]
        return data
