"""A member's value sorts: each one their top five, in their own words.

Which values a member chose says a great deal about them, so the codes are
sealed together with the words; the database holds only the sort's date.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed

from .catalog import name_of


class Sort(OwnedRecord):
    # [{"code": "honesty", "words": "…"}, …] in the member's order, up to five.
    top_sealed = models.BinaryField(null=True)
    top = Sealed("json")

    class Meta(OwnedRecord.Meta):
        indexes = [models.Index(fields=["owner", "created"], name="values_sort_owner_created")]

    @property
    def chosen(self) -> list[dict[str, Any]]:
        """The top five with their names: code, name and the member's words."""
        return [
            {"code": item["code"], "name": name_of(item["code"]), "words": item.get("words", "")}
            for item in (self.top or [])
            if name_of(item.get("code"))
        ]

    @property
    def names(self) -> list[str]:
        return [item["name"] for item in self.chosen]
