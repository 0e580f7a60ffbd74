"""The three kinds of account, one home for their names."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    """Who an account belongs to; it decides which part of Reclaim it may open.

    A member uses the member app and only that. A practitioner works in the
    practice area and sees no member's data unless that member shares it.
    The operator runs the installation: invites practitioners and reads the
    audit log. Practitioners and the operator must use two-factor.
    """

    MEMBER = "member", "Member"
    PRACTITIONER = "practitioner", "Practitioner"
    OPERATOR = "operator", "Operator"


# The roles that must use two-factor before they reach their area.
STAFF_ROLES = frozenset({Role.PRACTITIONER, Role.OPERATOR})
