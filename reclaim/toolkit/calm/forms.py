"""The calm tool's forms: kind words, and nothing typed is lost on a second look."""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms

from reclaim.toolkit.forms import ToolForm, text

from . import when

SENSES = (
    # (code, how many, the screen's question, the box's label)
    ("see", 5, "Name five things you can see.", "Things I can see"),
    ("touch", 4, "Name four things you can touch or feel.", "Things I can touch"),
    ("hear", 3, "Name three things you can hear.", "Things I can hear"),
    ("smell", 2, "Name two things you can smell.", "Things I can smell"),
    ("taste", 1, "Name one thing you can taste.", "Something I can taste"),
)
SENSE_CODES = tuple(code for code, *_ in SENSES)
KEPT_ONLY_IF_ASKED = "Nothing is saved unless you choose to keep it at the end."


class GroundingForm(ToolForm):
    """The five optional boxes, carried from screen to screen and saved only when asked."""

    see = text("Things I can see", long=False, help_text=KEPT_ONLY_IF_ASKED)
    touch = text("Things I can touch", long=False, help_text=KEPT_ONLY_IF_ASKED)
    hear = text("Things I can hear", long=False, help_text=KEPT_ONLY_IF_ASKED)
    smell = text("Things I can smell", long=False, help_text=KEPT_ONLY_IF_ASKED)
    taste = text("Something I can taste", long=False, help_text=KEPT_ONLY_IF_ASKED)


class WhenForm(ToolForm):
    """When a parked thought comes back, turned into one moment in the member's time zone."""

    when = forms.ChoiceField(
        choices=when.CHOICES,
        widget=forms.RadioSelect,
        initial="worry",
        error_messages={"required": "Could you pick when to come back to it?"},
    )
    day = forms.DateField(
        label="Day",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "That day does not look like a date. Could you check it?"},
    )
    time = forms.TimeField(
        label="Time",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "That time does not look right. Could you check it?"},
    )

    def __init__(self, *args: Any, now: datetime, zone: ZoneInfo, worry: dt.time, **kwargs: Any):
        # Set before the base class runs: it validates a bound form at once.
        self.now, self.zone, self.worry = now, zone, worry
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        choice = data.get("when")
        if not choice:
            return data
        day, moment = data.get("day"), data.get("time")
        if choice == "choose" and (day is None or moment is None):
            if "day" not in self.errors and "time" not in self.errors:
                self.add_error(
                    "day", "Could you choose both a day and a time? Your words are still here."
                )
            return data
        due = when.due_for(choice, self.now, self.zone, self.worry, day, moment)
        if due <= self.now:
            self.add_error("day", "That time has already passed. Could you choose a later one?")
        elif due - self.now > when.FURTHEST:
            self.add_error("day", "That is more than a year away. Could you choose a closer day?")
        else:
            data["due"] = due
        return data


class ParkForm(WhenForm):
    thought = text(
        "What is on your mind?",
        required=True,
        help_text="Only you can read this. It is kept locked with your own key.",
    )

    field_order = ["thought", "when", "day", "time"]


class ReflectForm(ToolForm):
    now = text("What do you think about it now?", required=True)


class SettingsForm(ToolForm):
    worry_time = forms.TimeField(
        label="My worry time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="A time each day when parked thoughts can come back, if you choose it.",
        error_messages={
            "required": "Could you choose a time? Any time of day is fine.",
            "invalid": "That time does not look right. Could you check it?",
        },
    )
    by_email = forms.BooleanField(
        label="Also send me an e-mail when a thought is ready",
        help_text='The e-mail only says "A reminder" and asks you to sign in. '
        "It never says what it is about.",
        required=False,
    )

    def __init__(self, *args: Any, can_email: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # E-mail is offered only with a verified address, so a reminder
        # never goes to an address the member may not control.
        if not can_email:
            del self.fields["by_email"]
