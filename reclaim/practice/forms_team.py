"""The forms of the operator's pages and of the invitation page."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation

from reclaim.core.text import CleanTextForm

from .invitations import MOST_DAYS

NEEDED = "This one is needed. Could you fill it in?"


class InviteForm(CleanTextForm, forms.Form):
    email = forms.EmailField(
        label="Their e-mail address",
        help_text="We send the link here. It also becomes the address on their account.",
        error_messages={
            "required": NEEDED,
            "invalid": "That doesn't look like an e-mail address. Could you check it?",
        },
    )
    days = forms.IntegerField(
        label="Days the link stays open",
        min_value=1,
        max_value=MOST_DAYS,
        help_text=f"Between 1 and {MOST_DAYS}. The link works once.",
        error_messages={
            "required": NEEDED,
            "invalid": "Could you give a whole number of days?",
            "min_value": "At least one day, please.",
            "max_value": f"At most {MOST_DAYS} days, please.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"days": settings.RECLAIM_INVITE_DAYS})
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class AcceptForm(CleanTextForm, forms.Form):
    """Make a practitioner account: the e-mail address is the invitation's, shown, not asked."""

    email = forms.EmailField(
        label="E-mail address",
        required=False,
        help_text="The address this invitation went to. You can change it later in your account.",
        widget=forms.EmailInput(attrs={"readonly": True}),
    )
    username = forms.CharField(
        label="Username",
        max_length=150,
        help_text="This is how you sign in. Your name on the public site is set separately.",
        error_messages={"required": NEEDED},
    )
    password1 = forms.CharField(
        label="Password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least ten characters. A few words you will remember work well.",
        error_messages={"required": NEEDED},
    )
    password2 = forms.CharField(
        label="Password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": NEEDED},
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invited_email = email
        self.initial["email"] = email
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def clean_email(self) -> str:
        # Fixed by the invitation: whatever the browser sends back is ignored.
        return self.invited_email

    def clean_username(self) -> str:
        # allauth's own rules (characters, length, taken) so both ways of
        # making an account agree on what a username may be.
        username: str = get_adapter().clean_username(self.cleaned_data["username"].strip())
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error(
                "password2", "The two passwords are not the same. Could you type them again?"
            )
        elif first:
            stand_in = get_user_model()(username=data.get("username", ""), email=self.invited_email)
            try:
                password_validation.validate_password(first, stand_in)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
