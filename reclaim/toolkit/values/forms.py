"""The three steps of a sort, as forms.

Nothing is saved until the last step: what was chosen so far travels in
the page itself (hidden fields), so no half-finished sort is ever kept in
the database or the session, and going back a step loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms

from reclaim.toolkit.forms import ToolForm, text

from .catalog import VALUES, Value, get_value

TOP = 5
PILES = (("lot", "Matters a lot"), ("some", "Somewhat"), ("not", "Not now"))
_PILE_CODES = {code for code, _ in PILES}


def pile_field(code: str) -> str:
    return f"pile_{code}"


def words_field(code: str) -> str:
    return f"words_{code}"


class _BuiltForm(ToolForm):
    """A ToolForm whose fields depend on the member's choices.

    The fields are made before the form initialises (as this instance's
    `base_fields`), so validation and ToolForm's aria wiring see them all.
    """

    def __init__(self, *args: Any, fields: dict[str, forms.Field], **kwargs: Any) -> None:
        self.base_fields = {**type(self).base_fields, **fields}  # type: ignore[misc]  # this instance's own fields, on purpose
        super().__init__(*args, **kwargs)


@dataclass
class SortState:
    """Everything chosen so far, read from what the page sent back."""

    piles: dict[str, str] = field(default_factory=dict)
    chosen: list[str] = field(default_factory=list)
    words: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> SortState:
        piles = {}
        for value in VALUES:
            pile = data.get(pile_field(value.code))
            if pile in _PILE_CODES:
                piles[value.code] = pile
        raw = data.getlist("chosen") if hasattr(data, "getlist") else data.get("chosen", [])
        chosen: list[str] = []
        for code in raw:
            if get_value(code) and code not in chosen:
                chosen.append(code)
        # Words are kept exactly as typed, even past the limit: the last
        # step explains the limit, and nothing typed is ever dropped.
        words = {
            value.code: str(data.get(words_field(value.code)))
            for value in VALUES
            if words_field(value.code) in data
        }
        return cls(piles, chosen, words)

    def pile(self, name: str) -> list[str]:
        return [value.code for value in VALUES if self.piles.get(value.code) == name]

    def choosable(self) -> tuple[list[str], list[str]]:
        """The values step 2 offers: those that matter a lot, and, when they
        are fewer than five, those that matter somewhat too."""
        lot = self.pile("lot")
        some = self.pile("some") if len(lot) < TOP else []
        return lot, some


class PilesForm(_BuiltForm):
    """Step 1: how much each value matters now."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields: dict[str, forms.Field] = {
            pile_field(value.code): forms.ChoiceField(
                label=value.name,
                help_text=value.description,
                choices=PILES,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Please pick one of the three for this value."},
            )
            for value in VALUES
        }
        super().__init__(*args, fields=fields, **kwargs)

    def cards(self) -> list[tuple[Value, Any]]:
        """(value, bound field) for each card, in the catalogue's order."""
        return [(value, self[pile_field(value.code)]) for value in VALUES]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not any(data.get(pile_field(v.code)) in ("lot", "some") for v in VALUES):
            raise forms.ValidationError(
                "Mark at least one value as mattering a lot or somewhat, so there is "
                "something to choose from. One is enough."
            )
        return data


class ChooseForm(_BuiltForm):
    """Step 2: up to five from the values that matter most."""

    def __init__(self, *args: Any, lot: Iterable[str], some: Iterable[str], **kwargs: Any) -> None:
        self.lot = [v for v in (get_value(code) for code in lot) if v]
        self.some = [v for v in (get_value(code) for code in some) if v]
        chosen = forms.MultipleChoiceField(
            label="Choose up to five",
            choices=[(v.code, v.name) for v in [*self.lot, *self.some]],
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "required": "Choose at least one value to carry on. One is enough.",
                "invalid_choice": "One of those is not in your piles any more. "
                "Could you choose again from the list?",
            },
        )
        super().__init__(*args, fields={"chosen": chosen}, **kwargs)

    def ticked(self) -> set[str]:
        if self.is_bound:
            data = self.data
            return set(
                data.getlist("chosen") if hasattr(data, "getlist") else data.get("chosen", [])
            )
        return set(self.initial.get("chosen", []))

    def clean_chosen(self) -> list[str]:
        chosen = list(dict.fromkeys(self.cleaned_data["chosen"]))
        if len(chosen) > TOP:
            raise forms.ValidationError(
                f"You chose {len(chosen)}. Could you choose up to five? They are all "
                "still ticked, so you can untick the ones to set aside for now."
            )
        return chosen


class WordsForm(_BuiltForm):
    """Step 3: each chosen value in the member's own words."""

    def __init__(self, *args: Any, chosen: Iterable[str], **kwargs: Any) -> None:
        self.values = [v for v in (get_value(code) for code in chosen) if v]
        fields: dict[str, forms.Field] = {}
        for value in self.values:
            field = text(
                f"What does {value.name.lower()} mean for me now?", help_text=value.description
            )
            field.widget.attrs["rows"] = 3
            fields[words_field(value.code)] = field
        super().__init__(*args, fields=fields, **kwargs)

    def items(self) -> list[tuple[Value, Any]]:
        return [(value, self[words_field(value.code)]) for value in self.values]

    def words(self) -> dict[str, str]:
        return {v.code: self.cleaned_data.get(words_field(v.code), "") for v in self.values}
