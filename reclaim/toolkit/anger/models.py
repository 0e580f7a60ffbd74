"""A log of moments of anger: how strong, what set it off, where it sat in the body.

Everything here is sealed, the intensity too: how angry someone was is about
their feelings, so it lives inside the sealed `feeling` json with the places
in the body. Plain columns are only the id, the owner and the dates.
"""

from __future__ import annotations

from django.db import models

from reclaim.toolkit.models import OwnedRecord
from reclaim.vault.fields import Sealed

# Common places anger shows up in the body, offered as chips. The codes are
# stored (sealed); the words are what the member reads.
PLACES: tuple[tuple[str, str], ...] = (
    ("chest", "Chest"),
    ("jaw", "Jaw"),
    ("stomach", "Stomach"),
    ("hands", "Hands"),
    ("head", "Head"),
    ("throat", "Throat"),
    ("shoulders", "Shoulders"),
)
PLACE_NAMES = dict(PLACES)

# From this intensity on, the page after saving offers the cool-down tools first.
HIGH = 7


class Entry(OwnedRecord):
    # {"intensity": 0-10, "places": [codes], "own_place": "own words"}
    feeling_sealed = models.BinaryField(null=True)
    trigger_sealed = models.BinaryField(null=True)
    urge_sealed = models.BinaryField(null=True)
    action_sealed = models.BinaryField(null=True)
    feeling = Sealed("json")
    trigger = Sealed()
    urge = Sealed()
    action = Sealed()  # what the member did

    class Meta(OwnedRecord.Meta):
        indexes = [models.Index(fields=["owner", "created"], name="anger_entry_owner_created")]

    @property
    def intensity(self) -> int:
        return int((self.feeling or {}).get("intensity", 0))

    @property
    def places(self) -> list[str]:
        return [code for code in (self.feeling or {}).get("places", []) if code in PLACE_NAMES]

    @property
    def own_place(self) -> str:
        return str((self.feeling or {}).get("own_place", ""))

    @property
    def place_words(self) -> list[str]:
        """Where in the body, as the member reads it: the chips, then their own words."""
        words = [PLACE_NAMES[code] for code in self.places]
        if self.own_place:
            words.append(self.own_place)
        return words

    @property
    def is_high(self) -> bool:
        return self.intensity >= HIGH
