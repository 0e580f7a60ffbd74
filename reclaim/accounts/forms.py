from __future__ import annotations

from typing import Any, cast

from allauth.account import forms as account_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from allauth.mfa.webauthn import forms as webauthn_forms
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.http import HttpRequest
from django_countries import countries

from reclaim.core.text import CleanTextForm

from .models import DISPLAY_NAME_MAX_LENGTH, User
from .zones import timezone_choices, zones_by_country

WHAT_HAPPENED = [
    ("affair", "An affair or a secret relationship"),
    ("sexual_secrecy", "Hidden pornography, sex or dating apps"),
    ("addiction", "Hidden gambling, drinking or drug use"),
    ("emotional", "Long emotional absence or deception"),
    ("other", "Something else"),
]
LIVING = [
    ("", "I'd rather not say"),
    ("yes", "Yes, we live together"),
    ("sometimes", "Some of the time"),
    ("no", "No"),
]
CHILDREN = [("", "I'd rather not say"), ("yes", "Yes"), ("no", "No")]
# For a choice that is not among those offered, which only a tampered or
# outdated page can send.
FROM_THE_LIST = "Could you choose one of the answers shown? Your other answers are still here."


def country_choices() -> list[tuple[str, str]]:
    return [("", "Choose your country")] + [(code, name) for code, name in countries]


class SituationForm(CleanTextForm, forms.Form):
    what = forms.MultipleChoiceField(
        label="What happened?",
        help_text="Choose any that fit. You can leave this empty.",
        choices=WHAT_HAPPENED,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": FROM_THE_LIST, "invalid_list": FROM_THE_LIST},
    )
    discovered = forms.DateField(
        label="When did you find out?",
        help_text="A rough date is fine.",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "invalid": "That does not look like a date. Could you check it? "
            "Your other answers are still here."
        },
    )
    living_together = forms.ChoiceField(
        label="Do you live with your partner?",
        choices=LIVING,
        required=False,
        error_messages={"invalid_choice": FROM_THE_LIST},
    )
    children = forms.ChoiceField(
        label="Do you have children?",
        choices=CHILDREN,
        required=False,
        error_messages={"invalid_choice": FROM_THE_LIST},
    )

    def clean_discovered(self):
        from django.utils import timezone

        value = self.cleaned_data.get("discovered")
        if value and value > timezone.localdate():
            raise forms.ValidationError(
                "That date is in the future. Could you check it? Your other answers are still here."
            )
        return value


# The zone every account starts with, before the member has chosen one.
UNCHOSEN_ZONE = User._meta.get_field("timezone").get_default()


class PlaceForm(CleanTextForm, forms.ModelForm):
    # Sealed on the model, so not a column a model form can fill by itself:
    # declared here, read from the member and written back in save().
    display_name = forms.CharField(
        label="What should we call you?",
        help_text="Any name or nickname. Optional.",
        max_length=DISPLAY_NAME_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": "A name can be up to %(limit_value)d characters, and this one "
            "has %(show_value)d. Could you shorten it? Your other answers are still here."
        },
    )
    country = forms.ChoiceField(
        label="Country",
        help_text="So we can show the right helplines.",
        choices=country_choices,
        required=False,
        error_messages={
            "invalid_choice": "We do not know that country. Could you choose one from the list?"
        },
    )
    timezone = forms.ChoiceField(
        label="Time zone",
        help_text="So your days start and end when yours do.",
        choices=timezone_choices,
        error_messages={
            "invalid_choice": "We do not know that time zone. Could you choose one from the list?"
        },
    )

    class Meta:
        model = User
        fields = ["display_name", "country", "timezone"]
        labels: dict[str, str] = {}
        help_texts: dict[str, str] = {}

    # On the first visit the browser's own zone is a better guess than UTC;
    # a script picks it and says so (see accounts/timezone.js). Settings
    # leave a member's choice alone, even when that choice is UTC.
    detect_timezone = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("display_name", self.instance.display_name)
        # Without the script, the zones of the member's country come first:
        # the country just sent, or else the one saved before.
        country = self.data.get("country", "") if self.is_bound else ""
        if not (country and cast(forms.ChoiceField, self.fields["country"]).valid_value(country)):
            country = self.instance.country
        zone = cast(forms.ChoiceField, self.fields["timezone"])
        zone.choices = timezone_choices(country or "")
        if self.detect_timezone and not self.is_bound and self.instance.timezone == UNCHOSEN_ZONE:
            zone.widget.attrs["data-detect-timezone"] = ""

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        # Without the script nothing guessed the zone, so a newcomer who chose
        # a country but left UTC is asked once, with that country's zones now
        # at the top. Sending UTC again (the page then carries `zone_asked`)
        # keeps it: it may be what they want.
        country = data.get("country") or ""
        own = zones_by_country().get(country, [])
        if (
            self.detect_timezone
            and data.get("timezone") == UNCHOSEN_ZONE
            and own
            and UNCHOSEN_ZONE not in own
            and not self.data.get("zone_asked")
        ):
            self.add_error(
                "timezone",
                f"Which time zone are you in? The ones in {countries.name(country)} are now "
                f"at the top of the list. If {UNCHOSEN_ZONE} is right, choose Finish again.",
            )
        return data


AUTOLOCK_CHOICES = [
    (1, "1 minute"),
    (5, "5 minutes"),
    (15, "15 minutes"),
    (30, "30 minutes"),
    (60, "1 hour"),
]


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class SettingsForm(PlaceForm):
    detect_timezone = False

    # A choice field, not the model's free text: a code we have no words for
    # would be saved and then used for every page and e-mail.
    language = forms.ChoiceField(
        label="Language",
        choices=language_choices,
        error_messages={
            "invalid_choice": "We do not have that language yet. Could you choose one "
            "from the list? Your other answers are still here."
        },
    )
    autolock_minutes = forms.TypedChoiceField(
        label="Lock after",
        coerce=int,
        choices=AUTOLOCK_CHOICES,
        help_text="We sign you out after this long without activity.",
        error_messages={"invalid_choice": FROM_THE_LIST},
    )

    class Meta(PlaceForm.Meta):
        fields = [
            "display_name",
            "country",
            "timezone",
            "language",
            "discreet_mode",
            "autolock_minutes",
            "notices_by_email",
        ]
        labels = {
            **PlaceForm.Meta.labels,
            "discreet_mode": "Discreet mode",
            "language": "Language",
            "notices_by_email": "Also tell me by e-mail",
        }
        help_texts = {
            **PlaceForm.Meta.help_texts,
            "discreet_mode": "Gives the app a plain name and look in the browser tab, titles and e-mails.",
            "notices_by_email": "When someone signs in on a new browser, or your password, e-mail "
            "or two-step sign-in changes, we tell you here in the app. This also sends a short "
            "e-mail with a plain subject. Best left off if someone else reads your e-mail.",
        }


class RecoverForm(CleanTextForm, forms.Form):
    username = forms.CharField(label="Username", max_length=150)
    code = forms.CharField(label="One of your recovery codes", max_length=40)
    password1 = forms.CharField(
        label="New password", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label="New password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error(
                "password2", "The two passwords are not the same. Could you type them again?"
            )
        return data

    def check_password_for(self, user: User | None) -> bool:
        # An unknown username is checked against a stand-in, so the answer
        # does not reveal which usernames exist.
        user = user or User(username=self.cleaned_data["username"].strip().lower())
        try:
            password_validation.validate_password(self.cleaned_data["password1"], user)
        except forms.ValidationError as error:
            self.add_error("password1", error)
            return False
        return True


class ConfirmPasswordForm(CleanTextForm, forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


# --- allauth's forms, in our words ------------------------------------------
#
# allauth builds most of its labels in each form's __init__, so these
# subclasses set ours after it has run. They are wired in by ACCOUNT_FORMS and
# MFA_FORMS in settings. Placeholders go: they only repeated the label, and
# grey hint text inside a box is hard to read and vanishes on the first key.

KEEP = None  # In a WORDING table: leave allauth's help text (the password rules).

Wording = dict[str, tuple[str, str | None]]


def use_our_words(form: forms.Form, wording: Wording) -> None:
    """Give a form's fields our labels, help texts and kinder messages; drop placeholders."""
    for name, (label, help_text) in wording.items():
        field = form.fields.get(name)
        if field is None:
            continue
        field.label = label
        if help_text is not KEEP:
            field.help_text = help_text
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)
        field.error_messages["required"] = "This one is needed. Could you fill it in?"


NEW_PASSWORD_WORDS: Wording = {
    "password1": ("New password", KEEP),
    "password2": ("New password again", ""),
}


REMEMBER_WORDS = ("Keep me signed in on this device", "Best left off on a shared device.")


def keep_signed_in(request: HttpRequest, remember: bool) -> None:
    """Off: the session ends when the browser closes. On: it lasts RECLAIM_SESSION_DAYS."""
    request.session.set_expiry(settings.SESSION_COOKIE_AGE if remember else 0)


class LoginForm(CleanTextForm, account_forms.LoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(
            self,
            {
                "login": ("Username or e-mail", ""),
                # The page itself offers both ways back in, e-mail and code.
                "password": ("Password", ""),
                "remember": REMEMBER_WORDS,
            },
        )
        # Either a username or an address goes here; "username" lets a
        # password manager fill it for both.
        self.fields["login"].widget.attrs["autocomplete"] = "username"


class SignupForm(CleanTextForm, account_forms.SignupForm):
    # Signing up signs the member in, so they choose here as on the sign-in
    # page how long that lasts; off unless they ask, as there.
    remember = forms.BooleanField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(
            self,
            {
                "username": (
                    "Username",
                    "Not your real name, if you like. This is how you sign in.",
                ),
                "email": (
                    "E-mail address (optional)",
                    "Only for resetting your password. Without one, you'll get recovery "
                    "codes instead.",
                ),
                "password1": ("Password", KEEP),
                "password2": ("Password again", ""),
                "remember": REMEMBER_WORDS,
            },
        )
        # allauth orders its own fields; ours goes last, just above the button.
        self.fields["remember"] = self.fields.pop("remember")

    def signup(self, request: HttpRequest, user: User) -> None:
        # Called before allauth signs the new member in; Django keeps the
        # session's expiry when it gives the session a new key at sign-in.
        keep_signed_in(request, self.cleaned_data.get("remember", False))


class ChangePasswordForm(CleanTextForm, account_forms.ChangePasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(self, {"oldpassword": ("Current password", ""), **NEW_PASSWORD_WORDS})


class ResetPasswordForm(CleanTextForm, account_forms.ResetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(self, {"email": ("E-mail address", "")})


class ResetPasswordKeyForm(CleanTextForm, account_forms.ResetPasswordKeyForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(self, NEW_PASSWORD_WORDS)


class AddEmailForm(CleanTextForm, account_forms.AddEmailForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(self, {"email": ("E-mail address", "")})


class ReauthenticateForm(CleanTextForm, account_forms.ReauthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(self, {"password": ("Your password", "")})


APP_CODE = ("Code from your app", "The six digits it shows now. Spaces don't matter.")


class MFAAuthenticateForm(CleanTextForm, mfa_forms.AuthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(
            self,
            {
                "code": (
                    "Code from your app",
                    "No phone with you? One of your backup codes works here too.",
                )
            },
        )


class MFAReauthenticateForm(CleanTextForm, mfa_forms.ReauthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(self, {"code": APP_CODE})
        # Only the app's digits go here, so a phone can show its number pad.
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class ActivateTOTPForm(CleanTextForm, totp_forms.ActivateTOTPForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(self, {"code": APP_CODE})
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


PASSKEY_NAME = (
    "A name for it",
    "Something that tells you which device it lives on. Only you see it.",
)


class AddPasskeyForm(CleanTextForm, webauthn_forms.AddWebAuthnForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(
            self,
            {
                "name": PASSKEY_NAME,
                "passwordless": (
                    "Sign in with it alone, without your password",
                    "Your device then asks for your fingerprint, face or PIN each time.",
                ),
            },
        )
        # Most people add a passkey to stop typing a password; a device that
        # cannot do that says so when the member tries.
        self.fields["passwordless"].initial = True


class EditPasskeyForm(CleanTextForm, webauthn_forms.EditWebAuthnForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_our_words(self, {"name": PASSKEY_NAME})
