"""Reject passwords built from the app's own context or the member's own name.

Length and the common-password list do most of the work; this adds the
words an attacker would try first against this particular app, and the
member's username with only a few digits or symbols around it (Django's
similarity check misses that when the username is short).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

CONTEXT_WORDS = ("reclaim", "password", "betrayal", "healing", "recovery", "notes")
# Letters another word may add before a password built on it stops being guessable.
SLACK = 3


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _built_on(folded: str, word: str) -> bool:
    return word in folded and len(folded) - len(word) <= SLACK


def _display_name(user: object | None) -> str:
    # The name is sealed: open it on purpose (a stand-in or a new account
    # has nothing sealed yet, and opens to what it holds).
    from .models import User
    from .queries import with_display_name

    if not isinstance(user, User):
        return ""
    return with_display_name(user).display_name or ""


def _personal_words(user: object | None) -> list[str]:
    values = [
        getattr(user, "username", "") or "",
        (getattr(user, "email", "") or "").partition("@")[0],
        _display_name(user),
    ]
    # Very short names would match inside almost any password.
    return [word for word in map(_letters, values) if len(word) >= 3]


class ContextPasswordValidator:
    def validate(self, password: str, user: object | None = None) -> None:
        folded = _letters(password)
        for word in CONTEXT_WORDS:
            # A context word with only digits or symbols around it is guessable.
            if _built_on(folded, word):
                raise ValidationError(
                    "That password is close to a word people often try here. "
                    "A few unrelated words together make a strong one.",
                    code="password_context",
                )
        for word in _personal_words(user):
            if _built_on(folded, word):
                raise ValidationError(
                    "That password is close to your name. "
                    "A few unrelated words together make a strong one.",
                    code="password_personal",
                )

    def get_help_text(self) -> str:
        return "Avoid the app's name, your own name and obvious words."
