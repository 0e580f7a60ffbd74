"""Valid check-in answers to build tests on."""

from __future__ import annotations

STEADY = {"mood": 6, "anger": 3, "anxiety": 4, "sleep": 6, "self_worth": 6}


def answers(**changes) -> dict:
    """A valid check-in as the actions take it, with `changes` on top."""
    data = {**STEADY, "triggers": [], "note": ""}
    data.update(changes)
    return data


def posted(**changes) -> dict:
    """A valid check-in as the form posts it, with `changes` on top."""
    data: dict[str, str | list[str]] = {name: str(value) for name, value in STEADY.items()}
    data.update({"triggers": [], "new_triggers": "", "note": ""})
    data.update(changes)
    return data
