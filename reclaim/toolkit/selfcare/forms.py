from __future__ import annotations

from typing import Any

from django import forms

from reclaim.toolkit.forms import ToolForm
from reclaim.toolkit.forms import text as free_text

from .areas import AREAS, SUGGESTIONS

# A few small things per area are plenty; a long list starts to feel like a duty.
PER_AREA = 8


def _own(label: str, required: bool = False, needed: str = "") -> Any:
    # Messages are set here, on the class's field: ToolForm validates while
    # it is constructed, so a change made in a subclass's __init__ comes too late.
    field = free_text(label, long=False, required=required)
    if needed:
        field.error_messages["required"] = needed
    field.widget.attrs["autocomplete"] = "off"
    return field


class PlanForm(ToolForm):
    """Ticked suggestions for every area, and one new activity of the member's own per area."""

    chosen = forms.MultipleChoiceField(
        required=False,
        choices=[(s.code, s.label) for s in SUGGESTIONS],
        widget=forms.CheckboxSelectMultiple,
    )
    own_joy = _own("Or add your own, for joy")
    own_calm = _own("Or add your own, for calm")
    own_body = _own("Or add your own, for your body")
    own_connection = _own("Or add your own, for connection")

    def __init__(self, *args: Any, own_counts: dict[str, int] | None = None, **kwargs: Any):
        self.own_counts = own_counts or {}
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        chosen = set(cleaned.get("chosen") or [])
        for area in AREAS:
            ticked = sum(1 for s in SUGGESTIONS if s.area == area.code and s.code in chosen)
            extra = 1 if cleaned.get(f"own_{area.code}") else 0
            if ticked + extra + self.own_counts.get(area.code, 0) > PER_AREA:
                self.add_error(
                    f"own_{area.code}",
                    f"That is more than {PER_AREA} things for {area.name.lower()}. "
                    "A few small ones are plenty; you could untick one. Your words are still here.",
                )
        return cleaned


class OwnActivityForm(ToolForm):
    text = _own(
        "In your own words",
        required=True,
        needed="Write a few words for this activity, or go back to keep it as it was.",
    )


class DoneForm(ToolForm):
    note = free_text("A note", long=False)
    again = forms.BooleanField(required=False)
