"""The practice area's forms: an article, a topic (category), a practitioner's profile.

Forms check what one field can check on its own and what fields say
together (a picture needs its description). Whether a slug is free is the
actions' question, since it depends on every other article.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone

from reclaim.accounts.zones import timezone_choices
from reclaim.core.text import CleanTextForm

from .images import ACCEPT_ATTRIBUTE
from .models import Article, Category, Practitioner

ALT_NEEDED = (
    "Please describe the picture in a few words, for people who cannot see it "
    "(for example “A quiet path through a wood”)."
)


def _limit(model: Any, name: str) -> int:
    """A text field's length limit, read from the model so it is written once."""
    return int(model._meta.get_field(name).max_length)


class _PictureForm(CleanTextForm, forms.Form):
    """What an article's cover and a profile's photo share: a file, its description, a way to remove it."""

    picture_field = ""
    alt_field = ""
    remove_field = ""

    def __init__(self, *args: Any, has_picture: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_picture = has_picture

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        keeps_old = self.has_picture and not data.get(self.remove_field)
        if (data.get(self.picture_field) or keeps_old) and not data.get(self.alt_field):
            self.add_error(self.alt_field, ALT_NEEDED)
        return data


def _slug(model: Any, help_text: str, example: str, label: str = "Web address") -> forms.SlugField:
    """The last part of a public address, made from the name or title when left empty."""
    return forms.SlugField(
        label=label,
        max_length=_limit(model, "slug"),
        required=False,
        help_text=help_text,
        error_messages={
            "invalid": f"A web address can have small letters, numbers and hyphens (like “{example}”)."
        },
    )


def _picture(label: str) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=False,
        help_text="A JPEG, PNG, WebP or GIF picture. We remove its hidden details (such as where it was taken).",
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )


class ArticleForm(_PictureForm):
    picture_field = "cover"
    alt_field = "cover_alt"
    remove_field = "remove_cover"

    title = forms.CharField(
        label="Title",
        max_length=_limit(Article, "title"),
        error_messages={"required": "An article needs a title, even a working one."},
    )
    slug = _slug(
        Article,
        "The last part of the article's address. Leave it empty and we make one from the title.",
        "first-weeks",
    )
    summary = forms.CharField(
        label="Summary",
        max_length=_limit(Article, "summary"),
        required=False,
        help_text="One or two sentences, shown in lists and when the article is shared.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = forms.CharField(
        label="Article",
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "true"}),
    )
    categories = forms.ModelMultipleChoiceField(
        label="Topics",
        queryset=Category.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cover = _picture("Choose a picture")
    cover_alt = forms.CharField(
        label="Describe the picture",
        max_length=_limit(Article, "cover_alt"),
        required=False,
    )
    remove_cover = forms.BooleanField(label="Remove the cover picture", required=False)
    publish_at = forms.DateTimeField(
        label="Go live on",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"invalid": "Could you give the date and time like 2026-05-01 09:30?"},
    )

    def __init__(self, *args: Any, zone: zoneinfo.ZoneInfo | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone = zone or zoneinfo.ZoneInfo("UTC")

    def clean_publish_at(self) -> datetime | None:
        value: datetime | None = self.cleaned_data.get("publish_at")
        if value is None:
            return None
        # The practitioner typed a time on their own clock, not the server's.
        return value.replace(tzinfo=None).replace(tzinfo=self.zone)

    def clean_for_schedule(self) -> None:
        """Scheduling needs a time that is still to come."""
        when = self.cleaned_data.get("publish_at")
        if when is None:
            self.add_error("publish_at", "Please choose when the article should go live.")
        elif when <= timezone.now():
            self.add_error(
                "publish_at",
                "That time has already passed. Could you choose a later one, or use “Publish now”?",
            )


class PreviewForm(CleanTextForm, forms.Form):
    body = forms.CharField(required=False)


class CategoryForm(CleanTextForm, forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=_limit(Category, "name"),
        error_messages={"required": "A topic needs a name."},
    )
    slug = _slug(Category, "Leave it empty and we make one from the name.", "trust")
    description = forms.CharField(
        label="A line about it",
        max_length=_limit(Category, "description"),
        required=False,
    )


class ProfileForm(_PictureForm):
    picture_field = "photo"
    alt_field = "photo_alt"
    remove_field = "remove_photo"

    name = forms.CharField(
        label="Your name, as visitors see it",
        max_length=_limit(Practitioner, "name"),
        error_messages={"required": "Please give the name visitors will see."},
    )
    slug = _slug(
        Practitioner,
        "Leave it empty and we make one from your name.",
        "sam-taylor",
        label="Web address of your profile",
    )
    credentials = forms.CharField(
        label="Training and credentials",
        max_length=_limit(Practitioner, "credentials"),
        required=False,
        help_text="In plain words, for example “Counsellor, 12 years with couples”.",
    )
    approach = forms.CharField(
        label="How you work",
        required=False,
        help_text="A few paragraphs. Markdown works here as in articles.",
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    areas = forms.CharField(
        label="What you help with",
        required=False,
        help_text="One on each line.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    photo = _picture("Choose a photo")
    photo_alt = forms.CharField(
        label="Describe the photo",
        max_length=_limit(Practitioner, "photo_alt"),
        required=False,
    )
    remove_photo = forms.BooleanField(label="Remove the photo", required=False)
    response_hours = forms.CharField(
        label="When you read messages and alerts",
        max_length=_limit(Practitioner, "response_hours"),
        required=False,
        help_text="In your words, for example “Weekdays, 9:00 to 17:00”. A client reads this "
        "before they switch on risk alerts for you, so they know when not to wait for you.",
    )
    # Practitioners never see the member settings page, so their clock is set here.
    zone = forms.ChoiceField(
        label="Your time zone",
        choices=timezone_choices,
        # A form sent without it (an older page) leaves the clock as it was.
        required=False,
        help_text="Your consultation hours, your bookings and the times you publish are on this clock.",
        error_messages={
            "invalid_choice": "We do not know that time zone. Could you choose one from the list?"
        },
    )
    listed = forms.BooleanField(label="Show my profile on the public site", required=False)
