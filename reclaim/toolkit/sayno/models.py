"""Practice replies and real moments of saying no.

Everything here is sealed with the member's own key: the scenario a
practice was for, the words, who it was with, how it went and how the
member felt. Plain columns hold only ids, the owner and dates.
"""

from __future__ import annotations

from django.db import models

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed


class Practice(OwnedRecord):
    """A reply drafted for one of the scenarios, kept to look back on."""

    # The scenario's code (scenarios.py): sealed, since the moment itself can say a lot.
    scenario_sealed = models.BinaryField(null=True)
    # For "a moment of your own": a few words on what it is.
    moment_sealed = models.BinaryField(null=True)
    draft_sealed = models.BinaryField(null=True)
    scenario = Sealed()
    moment = Sealed()
    draft = Sealed()

    class Meta(OwnedRecord.Meta):
        indexes = [models.Index(fields=["owner", "created"], name="sayno_practice_owner_created")]


class RealNo(OwnedRecord):
    """A no said in real life: when, to whom or about what, the words, how it went.

    `day` is the day it happened, as the member gives it.
    """

    who_sealed = models.BinaryField(null=True)
    said_sealed = models.BinaryField(null=True)
    went_sealed = models.BinaryField(null=True)
    # How the member felt afterwards, 0 to 10, or None when they left it out.
    felt_sealed = models.BinaryField(null=True)
    who = Sealed()
    said = Sealed()
    went = Sealed()
    felt = Sealed("json")

    class Meta(OwnedRecord.Meta):
        ordering = ["-day", "-created"]
        indexes = [models.Index(fields=["owner", "day", "created"], name="sayno_realno_owner_day")]
