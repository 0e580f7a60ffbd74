from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from reclaim.toolkit.forms import ToolForm, text

from .held import OUTCOMES


def _rows(field: Any, rows: int) -> Any:
    field.widget.attrs["rows"] = rows
    return field


class BoundaryForm(ToolForm):
    behaviour = _rows(
        text(
            "The behaviour I will not accept",
            help_text="For example: being shouted at, or being asked to keep the secret.",
        ),
        2,
    )
    need = _rows(
        text(
            "What I need",
            help_text="For example: to be told the truth the first time I ask.",
        ),
        2,
    )
    action = _rows(
        text(
            "What I will do if it happens again",
            help_text="Something that is up to you, for example: leave the room "
            "and come back when things are calm.",
        ),
        2,
    )
    script = _rows(
        text(
            "The words to say or send",
            help_text="Made from your answers above. Change anything, so it sounds like you.",
        ),
        5,
    )

    def __init__(self, *args: Any, values: list[tuple[str, str, str]], **kwargs: Any) -> None:
        # The value field's choices are the member's own five (or a few plain
        # ones), so it is made before the form initialises and validates.
        self.base_fields = {  # type: ignore[misc]  # this instance's own fields, on purpose
            **type(self).base_fields,
            "value": forms.ChoiceField(
                label="The value it protects",
                choices=[*[(code, name) for code, name, _ in values], ("", "None of these")],
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Could you choose one of the values listed?"},
            ),
        }
        super().__init__(*args, **kwargs)
        self.order_fields(["behaviour", "value", "need", "action", "script"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not any(data.get(name) for name in ("behaviour", "need", "action", "script")):
            raise forms.ValidationError(
                "Write at least the behaviour, what you need, or what you will do, "
                "so there is something to put into words."
            )
        return data


class OccasionForm(ToolForm):
    day = forms.DateField(
        label="When it happened",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Which day was it? A rough guess is fine.",
            "invalid": "That date did not come through. Could you pick it again? "
            "Your words are still here.",
        },
    )
    what = _rows(text("What happened"), 3)
    outcome = forms.ChoiceField(
        label="Did it hold?",
        choices=OUTCOMES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how it went: held, partly held, or did not hold. "
            "Any answer is useful.",
            "invalid_choice": "Choose how it went: held, partly held, or did not hold.",
        },
    )
    did = _rows(text("What I did"), 3)

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_day(self) -> date:
        day = self.cleaned_data["day"]
        if day > self.today:
            raise forms.ValidationError(
                "That date is in the future. Could you check it? Your words are still here."
            )
        return day
