"""Journal entries and the drafts that keep unfinished writing safe.

Everything the member writes (title, body, tags) is sealed with their own
data key; the database holds only noise, dates and a prompt code.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from reclaim.vault.fields import Sealed

if TYPE_CHECKING:
    from reclaim.safety.models import RiskEvent

# Fixed limits, not settings: they protect the server and the member's
# browser, and an operator has no reason to change them.
TITLE_LIMIT = 200
BODY_LIMIT = 100_000


class Entry(models.Model):
    # Set on the saved row by the action that wrote it (not stored here): the
    # moment of risk heard in what the member wrote, for the view to show the
    # safety panel.
    risk_event: RiskEvent | None

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    # Plain defaults rather than auto_now(_add): the demo and benchmarks
    # bulk-create entries with a history, and auto_now would overwrite it.
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)
    # The member's own calendar day when they wrote it (their time zone).
    day = models.DateField()
    # The code of a guided prompt (see prompts.py), blank for free writing.
    prompt = models.CharField(max_length=40, blank=True)

    title_sealed = models.BinaryField(null=True)
    body_sealed = models.BinaryField(null=True)
    tags_sealed = models.BinaryField(null=True)
    title = Sealed()
    body = Sealed()
    tags = Sealed("json")

    class Meta:
        indexes = [models.Index(fields=["owner", "created"], name="journal_entry_owner_created")]
        ordering = ["-created"]

    def __str__(self) -> str:
        # Never the title: this can end up in logs and error reports.
        return f"Entry {self.pk}"

    @property
    def display_title(self) -> str:
        """The title, or the entry's day when there is none.

        Not the first words: an untitled entry's opening is often the rawest
        line, and lists and Today are what a glance at a shared screen sees.
        """
        return self.title or f"Entry from {self.day:%-d %B %Y}"

    @property
    def tag_list(self) -> list[str]:
        return list(self.tags or [])


class Draft(models.Model):
    """Unsaved words, kept on the server (sealed) and never in the browser.

    A member has at most one draft of new writing (entry is empty) and at
    most one draft per existing entry they are editing.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_drafts"
    )
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, null=True, blank=True, related_name="drafts"
    )
    prompt = models.CharField(max_length=40, blank=True)
    updated = models.DateTimeField(default=timezone.now)

    title_sealed = models.BinaryField(null=True)
    body_sealed = models.BinaryField(null=True)
    tags_sealed = models.BinaryField(null=True)
    title = Sealed()
    body = Sealed()
    tags = Sealed("json")

    # Not stored: set when the writing just saved was more than one entry can
    # hold, so only its first part is kept and the page says so.
    cut: bool = False

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "entry"], name="journal_one_draft_per_entry"),
            # SQL treats NULLs as distinct, so the rule above alone would let
            # a member pile up drafts of new writing.
            models.UniqueConstraint(
                fields=["owner"],
                condition=Q(entry__isnull=True),
                name="journal_one_new_draft",
            ),
        ]

    def __str__(self) -> str:
        return f"Draft {self.pk}"

    @property
    def display_title(self) -> str:
        return self.title or "Untitled writing"

    @property
    def tag_list(self) -> list[str]:
        return list(self.tags or [])


class SearchPart(models.Model):
    """One sealed piece of a member's search index (see index.py).

    Part 0 is the head: the list of indexed entries and every word they
    hold. Parts 1 to SHARDS hold, for the words and tags a keyed hash puts
    there, which entries have them. All of it is one opaque sealed blob per
    row: the database sees only how big each part is.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_search_parts"
    )
    number = models.PositiveSmallIntegerField()
    words_sealed = models.BinaryField(null=True)
    words = Sealed("bytes")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "number"], name="journal_one_search_part")
        ]

    def __str__(self) -> str:
        return f"Search part {self.number}"
