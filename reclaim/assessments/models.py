"""Questionnaire results, answers in progress, and retake reminders.

The instrument code and the time a questionnaire was taken are stored plainly,
because lists, charts and reminders must ask the database for them; on their
own they say only that a member answered some questions. The answers, the
score, the band and the flags say a great deal, so they are sealed with the
member's key (see reclaim/vault).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone

from reclaim.vault.fields import Sealed

from .instruments import Instrument, get
from .scoring import Score

if TYPE_CHECKING:
    from reclaim.safety.models import RiskEvent

NOTE_MAX_LENGTH = 5_000


class Result(models.Model):
    """One finished questionnaire.

    ``answers`` is the list of raw answer values in item order. ``summary``
    holds what scoring made of them: ``score``, ``raw_sum``, ``band``,
    ``flags`` (a sorted list) and ``cutpoint`` (the PCL-5 cut-point used, so a
    later change of the setting does not reinterpret old results).
    """

    # Set on the saved result by do_finish (not stored here): the moments of
    # risk it recorded, for the view to show the safety panel.
    risk_events: list[RiskEvent]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_results"
    )
    code = models.CharField(max_length=16)
    taken = models.DateTimeField(default=timezone.now)

    answers_sealed = models.BinaryField(null=True)
    answers = Sealed("json")
    summary_sealed = models.BinaryField(null=True)
    summary = Sealed("json")
    # The optional words the member added at the end, in their own voice.
    note_sealed = models.BinaryField(null=True)
    note = Sealed()

    class Meta:
        indexes = [
            models.Index(fields=["owner", "code", "taken"], name="result_owner_code_taken"),
        ]

    def __str__(self) -> str:
        # Never the score: strings of models end up in logs and the admin.
        return f"Result {self.id}"

    @property
    def instrument(self) -> Instrument:
        return get(self.code)

    @property
    def retake_after(self) -> datetime:
        """When it makes sense to answer this questionnaire again."""
        return self.taken + timedelta(days=self.instrument.retake_interval_days)

    def to_score(self, *, with_answers: bool = False) -> Score:
        """The Score this result was saved from, rebuilt from the sealed summary.

        Only the summary is opened unless ``with_answers`` is asked for, so a
        chart of fifty results decrypts fifty small values, not a hundred.
        """
        summary = self.summary
        return Score(
            code=self.code,
            score=summary["score"],
            raw_sum=summary["raw_sum"],
            band=summary["band"],
            flags=frozenset(summary.get("flags", ())),
            answers=tuple(self.answers) if with_answers else (),
            cutpoint=summary.get("cutpoint"),
        )


class InProgress(models.Model):
    """Answers so far for a questionnaire the member has started, so they can come back.

    ``answers`` maps the item number (as a string, since it is JSON) to the
    raw answer value.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assessments_in_progress",
    )
    code = models.CharField(max_length=16)
    answers_sealed = models.BinaryField(null=True)
    answers = Sealed("json")
    note_sealed = models.BinaryField(null=True)
    note = Sealed()
    started = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "code"], name="in_progress_one_per_code"),
        ]

    def __str__(self) -> str:
        return f"Answers in progress {self.id}"

    @property
    def answer_map(self) -> dict[int, int]:
        return {int(number): value for number, value in (self.answers or {}).items()}


class ReminderPreference(models.Model):
    """How a member wants to hear that a questionnaire could be taken again.

    In-app reminders are on unless turned off; e-mail is off unless the
    member asks for it, because an inbox may be read by someone else.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assessment_reminder_preference",
    )
    in_app = models.BooleanField(default=True)
    by_email = models.BooleanField(default=False)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Reminder preference of member {self.owner_id}"


class Reminder(models.Model):
    """A result whose suggested retake time has passed, made by the hourly job.

    There is at most one per result (the database guarantees it), which is
    what keeps the e-mail, if any, to one per due result.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_reminders"
    )
    result = models.OneToOneField(Result, on_delete=models.CASCADE, related_name="reminder")
    code = models.CharField(max_length=16)
    created = models.DateTimeField(default=timezone.now)
    # Set when the member takes the questionnaire again or says "not now".
    closed = models.DateTimeField(null=True, blank=True)
    # Whether an e-mail is owed (decided when the reminder is made), and when it went.
    email_wanted = models.BooleanField(default=False)
    emailed = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "closed"], name="reminder_owner_closed")]

    def __str__(self) -> str:
        return f"Reminder {self.id}"

    @property
    def instrument(self) -> Instrument:
        return get(self.code)
