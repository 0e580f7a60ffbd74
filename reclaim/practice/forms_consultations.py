"""Forms for free consultations: the visitor's details and the practitioner's hours.

Limits are defined once here (and on the models) and shown in the help
texts, so what a form says and what it checks are the same numbers.
"""

from __future__ import annotations

import functools
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from reclaim.accounts.zones import TIMEZONES, zone_label
from reclaim.core.text import CleanTextForm

from .models import AvailabilityException, Booking
from .models.consultations import WEEKDAYS

# The most intake questions a practice may ask, and how long each may be.
MAX_QUESTIONS = 5
QUESTION_LENGTH = 200
ANSWER_LENGTH = 1000
SLOT_CHOICES = [
    (15, "15 minutes"),
    (20, "20 minutes"),
    (30, "30 minutes"),
    (45, "45 minutes"),
    (50, "50 minutes"),
    (60, "1 hour"),
]
# Nobody may book further ahead than this (the manage links outlive it).
MAX_HORIZON_DAYS = 90


@functools.cache
def _zone_options() -> str:
    """Every zone as <option>s, built once: the list is long and the same for every visitor."""
    return format_html_join(
        "", '<option value="{}">{}</option>', ((zone, zone_label(zone)) for zone in TIMEZONES)
    )


class ZoneSelect(forms.Select):
    """The zone list, from options built once (Django's widget would render each of 600 anew)."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        options = _zone_options()
        if value:
            chosen = format_html('<option value="{}">', value)
            options = options.replace(chosen, chosen[:-1] + " selected>", 1)
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe(options))  # noqa: S308


class ZoneForm(CleanTextForm, forms.Form):
    """Which time zone the visitor reads times in (a GET form; JavaScript may pick it)."""

    zone = forms.ChoiceField(
        label="Show times in",
        choices=[(zone, zone_label(zone)) for zone in TIMEZONES],
        required=False,
        widget=ZoneSelect,
    )


class BookingForm(CleanTextForm, forms.Form):
    """The visitor's details: a name, an e-mail, and the practice's own questions."""

    name = forms.CharField(
        label="Your name",
        max_length=Booking._meta.get_field("name").max_length,
        help_text="Any name you like; it does not have to be your full name.",
        error_messages={"required": "Please tell us what to call you. Any name is fine."},
    )
    contact = forms.EmailField(
        label="Your e-mail address",
        help_text="We send one e-mail with a link to confirm. Choose an address only you read.",
        error_messages={
            "required": "Please give an e-mail address, so we can send the link to confirm.",
            "invalid": "That e-mail address does not look complete — could you check it?",
        },
    )

    def __init__(self, *args: Any, questions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions):
            self.fields[f"answer_{number}"] = forms.CharField(
                label=question,
                required=False,
                max_length=ANSWER_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Optional. Only the practitioner you book with can read this.",
            )

    def answers(self) -> list[dict[str, str]]:
        """Questions and answers together, so a later change of questions keeps them readable."""
        return [
            {"question": question, "answer": self.cleaned_data.get(f"answer_{number}", "")}
            for number, question in enumerate(self.questions)
        ]

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[f"answer_{number}"] for number in range(len(self.questions))]


class ConsultationSettingsForm(CleanTextForm, forms.Form):
    offered = forms.BooleanField(
        label="Offer free consultations on the public site", required=False
    )
    slot_minutes = forms.TypedChoiceField(
        label="Length of a consultation", choices=SLOT_CHOICES, coerce=int
    )
    buffer_before_minutes = forms.IntegerField(
        label="Break before each, in minutes",
        min_value=0,
        max_value=120,
        help_text="Time kept free before a consultation, so you can get ready.",
    )
    buffer_after_minutes = forms.IntegerField(
        label="Break after each, in minutes",
        min_value=0,
        max_value=120,
        help_text="Time kept free afterwards, for notes or a breath before the next one.",
    )
    notice_hours = forms.IntegerField(
        label="Hours of notice you need",
        min_value=0,
        max_value=24 * 14,
        help_text="Nobody can book a time sooner than this.",
    )
    horizon_days = forms.IntegerField(
        label="Days ahead people may book",
        min_value=1,
        max_value=MAX_HORIZON_DAYS,
        help_text=f"At most {MAX_HORIZON_DAYS} days.",
    )
    daily_maximum = forms.IntegerField(
        label="Most consultations in one day", min_value=1, max_value=24
    )
    intake_questions = forms.CharField(
        label="Questions to ask before a consultation",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            f"One question a line, at most {MAX_QUESTIONS}. Answers are optional for visitors, "
            "encrypted, and only you can read them."
        ),
    )

    def clean_intake_questions(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["intake_questions"].splitlines()]
        questions = [line for line in lines if line]
        if len(questions) > MAX_QUESTIONS:
            raise forms.ValidationError(
                f"Please keep to {MAX_QUESTIONS} questions; there are {len(questions)} now."
            )
        if any(len(q) > QUESTION_LENGTH for q in questions):
            raise forms.ValidationError(
                f"Please keep each question under {QUESTION_LENGTH} characters."
            )
        return questions


class _TimesForm(CleanTextForm, forms.Form):
    start = forms.TimeField(label="From", widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label="Until", widget=forms.TimeInput(attrs={"type": "time"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", "The end needs to be later than the start.")
        return data


class WeeklyHoursForm(_TimesForm):
    weekday = forms.TypedChoiceField(label="Day", choices=WEEKDAYS, coerce=int)
    field_order = ["weekday", "start", "end"]


class DateChangeForm(_TimesForm):
    date = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(
        label="What changes", choices=AvailabilityException.Kind.choices, initial="off"
    )
    field_order = ["date", "kind", "start", "end"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].required = False
        self.fields["end"].required = False
        self.fields["start"].help_text = "Leave both times empty for a whole day off."

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kind") == "extra" and not (data.get("start") and data.get("end")):
            self.add_error("end", "Extra hours need a start and an end.")
        if bool(data.get("start")) != bool(data.get("end")):
            self.add_error("end", "Please give both times, or neither for the whole day.")
        return data
