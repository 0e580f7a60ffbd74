"""The webinar forms: a visitor's registration, and a practitioner's webinar.

Times are typed on a clock the form names (the webinar's own time zone) and
leave the form as aware datetimes, so nothing downstream guesses a zone.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone

from reclaim.accounts.zones import TIMEZONES, timezone_choices
from reclaim.core.text import CleanTextForm

from .models import Registration, Webinar

# The longest question a visitor can leave for the host.
QUESTION_LENGTH = 1000
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
DATETIME_HELP = "Could you give the date and time like 2026-05-01 19:00?"


def _limit(model: Any, name: str) -> int:
    return int(model._meta.get_field(name).max_length)


def _when(label: str, required: bool = True, help_text: str = "") -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=DATETIME_FORMATS,
        error_messages={"invalid": DATETIME_HELP, "required": "Please choose when it starts."},
    )


def _link(name: str, label: str, help_text: str) -> forms.URLField:
    return forms.URLField(
        label=label,
        max_length=_limit(Webinar, name),
        required=False,
        assume_scheme="https",
        help_text=help_text,
        error_messages={"invalid": "That does not look like a full web address (https://…)."},
    )


class RegistrationForm(CleanTextForm, forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=_limit(Registration, "name"),
        help_text="Any name you like. It does not have to be your real one.",
        error_messages={"required": "Please give a name, any name you would like us to use."},
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    email = forms.EmailField(
        label="Your e-mail address",
        max_length=_limit(Registration, "email"),
        help_text="We send a link to confirm your place. Our e-mails say only “Your registration”.",
        error_messages={
            "required": "We need an address to send your confirmation link to.",
            "invalid": "That address does not look complete. Could you check it?",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    question = forms.CharField(
        label="A question for the host (if you like)",
        max_length=QUESTION_LENGTH,
        required=False,
        help_text="Only the host reads it. It is stored encrypted and never sent by e-mail.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WebinarForm(CleanTextForm, forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=_limit(Webinar, "title"),
        error_messages={"required": "A webinar needs a title, even a working one."},
    )
    slug = forms.SlugField(
        label="Web address",
        max_length=_limit(Webinar, "slug"),
        required=False,
        help_text="The last part of its address. Leave it empty and we make one from the title.",
        error_messages={
            "invalid": "A web address can have small letters, numbers and hyphens (like “first-steps”)."
        },
    )
    description = forms.CharField(
        label="What it is about",
        required=False,
        help_text="Plain words are fine. The simple formatting of articles (bold, lists, links) works here too.",
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "true"}),
    )
    start = _when("Starts on")
    zone = forms.ChoiceField(
        label="Time zone of that time",
        choices=timezone_choices(),
        help_text="Visitors see the time in this zone and, in their browser, in their own.",
    )
    duration_minutes = forms.IntegerField(
        label="Length in minutes",
        min_value=15,
        max_value=480,
        error_messages={
            "min_value": "A webinar lasts at least 15 minutes.",
            "max_value": "A webinar lasts at most 8 hours (480 minutes).",
            "required": "Please say how long it lasts, in minutes.",
        },
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=10000,
        help_text="When they are taken, new registrations join a wait-list.",
        error_messages={
            "min_value": "There needs to be at least one place.",
            "required": "Please say how many people can join.",
        },
    )
    room_link = _link(
        "room_link",
        "Link to the video room",
        "Only people with a confirmed place see it: on their own page and in their reminders.",
    )
    replay_link = _link(
        "replay_link",
        "Link to the recording (if you like)",
        "Shown after the webinar and sent to everyone who registered.",
    )
    replay_until = _when("Recording available until", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone_name = data.get("zone")
        if zone_name not in TIMEZONES:
            return data
        zone = zoneinfo.ZoneInfo(zone_name)
        for name in ("start", "replay_until"):
            value: datetime | None = data.get(name)
            if value is not None:
                # The practitioner typed a time on the chosen clock, not the server's.
                data[name] = value.replace(tzinfo=None).replace(tzinfo=zone)
        start, until = data.get("start"), data.get("replay_until")
        if start and until and until <= start:
            self.add_error("replay_until", "The replay can only be available after the webinar.")
        return data

    def clean_for_new(self) -> None:
        """A new webinar needs a start that is still to come."""
        start = self.cleaned_data.get("start")
        if start is not None and start <= timezone.now():
            self.add_error("start", "That time has already passed. Could you choose a later one?")
