from __future__ import annotations

from typing import Any

from django import forms

from reclaim.toolkit.forms import ToolForm, text

from .models import PATHS, QUESTIONS, Snapshot

DRAWN_MESSAGE = "How drawn you feel is a number from 0 to 10. Your words are still here."


def field_name(path: str, question: str) -> str:
    return f"{path}_{question}"


class SnapshotForm(ToolForm):
    """Every path's questions and its 0-10 slider, named `<path>_<question>`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Built before ToolForm wires the aria attributes of every field.
        self.base_fields = {}  # type: ignore[misc]  # this instance's own fields, on purpose
        for path in PATHS:
            self.base_fields[field_name(path.code, "drawn")] = forms.IntegerField(
                label="How drawn to it do you feel right now?",
                min_value=0,
                max_value=10,
                initial=5,
                error_messages={
                    key: DRAWN_MESSAGE for key in ("required", "invalid", "min_value", "max_value")
                },
            )
            for code, label in QUESTIONS:
                self.base_fields[field_name(path.code, code)] = text(label)
        super().__init__(*args, **kwargs)

    def groups(self) -> list[tuple[Any, Any, list[Any]]]:
        """(path, its slider, its text fields) for the template, in order."""
        return [
            (
                path,
                self[field_name(path.code, "drawn")],
                [self[field_name(path.code, code)] for code, _ in QUESTIONS],
            )
            for path in PATHS
        ]

    def view_data(self) -> dict[str, dict[str, Any]]:
        """The cleaned answers in the shape `actions.do_save_snapshot` takes."""
        return {
            path.code: {
                "drawn": self.cleaned_data[field_name(path.code, "drawn")],
                **{code: self.cleaned_data[field_name(path.code, code)] for code, _ in QUESTIONS},
            }
            for path in PATHS
        }


def initial_from(snapshot: Snapshot | None) -> dict[str, Any]:
    """A new snapshot starts from the last one's words and numbers."""
    if snapshot is None:
        return {}
    initial: dict[str, Any] = {}
    for path in PATHS:
        drawn = snapshot.drawn(path.code)
        if drawn is not None:
            initial[field_name(path.code, "drawn")] = drawn
        for code, _ in QUESTIONS:
            initial[field_name(path.code, code)] = snapshot.words(path.code, code)
    return initial
