"""Reject passwords built from the app's own context.

Length and the common-password list do most of the work; this adds the
words an attacker would try first against this particular app.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

CONTEXT_WORDS = ("reclaim", "password", "betrayal", "healing", "recovery", "notes")


class ContextPasswordValidator:
    def validate(self, password: str, user: object | None = None) -> None:
        folded = re.sub(r"[^a-z]", "", password.lower())
        for word in CONTEXT_WORDS:
            # A context word with only digits or symbols around it is guessable.
            if folded == word or (word in folded and len(folded) - len(word) <= 3):
                raise ValidationError(
                    "That password is close to a word people often try here. "
                    "A few unrelated words together make a strong one.",
                    code="password_context",
                )

    def get_help_text(self) -> str:
        return "Avoid the app's name and obvious words."
