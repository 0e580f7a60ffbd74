"""Every write to questionnaires goes through here.

Views only parse the request and call these. They check what they are given
(forms check first, with kinder words; these checks are the last line for
every other caller) and seal what is sensitive.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from reclaim.safety import response as safety
from reclaim.vault.fields import open_row, seal

from . import queries
from .instruments import AnswerError, Instrument, get
from .models import NOTE_MAX_LENGTH, InProgress, Reminder, ReminderPreference, Result
from .scoring import score

if TYPE_CHECKING:
    from reclaim.accounts.models import User

log = logging.getLogger("reclaim.assessments")

# The e-mail names nothing: someone else may read the member's inbox. Its
# subject and words are fixed here so no template can add a topic by mistake.
REMINDER_SUBJECT = "A reminder"
REMINDER_BODY = (
    "Hello,\n\n"
    "You asked us to remind you. Sign in when it suits you.\n\n"
    "{link}\n\n"
    "You can stop these e-mails under Reminders, after signing in:\n"
    "{settings_link}\n"
)
REMINDER_BATCH = 500


def _check_answer_map(instrument: Instrument, answers: Mapping[int, int]) -> dict[int, int]:
    allowed = {option.value for option in instrument.options}
    checked: dict[int, int] = {}
    for number, value in answers.items():
        if isinstance(number, bool) or not isinstance(number, int):
            raise AnswerError(None, "item numbers must be whole numbers.")
        if not 1 <= number <= instrument.item_count:
            raise AnswerError(number, f"{instrument.short_name} has no such item.")
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            raise AnswerError(number, "the answer is not one of the choices.")
        checked[number] = value
    return checked


def _check_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ValueError(f"The note is longer than {NOTE_MAX_LENGTH} characters.")
    return note


@transaction.atomic
def do_save_answers(
    user: User, code: str, answers: Mapping[int, int], note: str | None = None
) -> InProgress:
    """Add ``answers`` (item number -> raw value) to the member's answers so far.

    Earlier answers are kept; an item answered again takes the new value.
    ``note`` replaces the note so far when given. Sealed, like the result.
    """
    instrument = get(code)
    checked = _check_answer_map(instrument, answers)
    cleaned_note = _check_note(note) if note is not None else None
    progress, _ = InProgress.objects.select_for_update().get_or_create(
        owner=user, code=instrument.code
    )
    merged = open_row(progress).answer_map
    merged.update(checked)
    progress.answers = {str(number): merged[number] for number in sorted(merged)}
    if cleaned_note is not None:
        progress.note = cleaned_note or None
    progress.updated = timezone.now()
    seal(progress)
    progress.save()
    return progress


def do_finish(user: User, code: str) -> Result:
    """Score the answers so far and save the result; the answers in progress are then removed.

    The result keeps any moment of risk in the same transaction (see
    reclaim/safety/response.py): a PHQ-9 ``safety`` flag opens the urgent path,
    and the member's note is listened to like any other writing. The events are
    on ``result.risk_events`` for the view to show the panel.

    Raises AnswerError (with ``.item``, the first question still without an
    answer) and changes nothing when the questionnaire is not complete.
    """
    instrument = get(code)
    # Listen to the note before the transaction: it is pure computation and may
    # take a while, and must not hold the row lock below.
    before = open_row(InProgress.objects.filter(owner=user, code=instrument.code).first(), "note")
    heard_note = before.note if before is not None else ""
    heard = safety.listen(heard_note, user.language)
    with transaction.atomic():
        progress = open_row(
            InProgress.objects.select_for_update().filter(owner=user, code=instrument.code).first()
        )
        if progress is None:
            raise AnswerError(1, "no answer was given.")
        if progress.note != heard_note:
            # The note changed in the moment between (another tab): listen again.
            heard = safety.listen(progress.note, user.language)
        given = progress.answer_map
        answers = [given.get(number) for number in range(1, instrument.item_count + 1)]
        result = do_save_result(user, instrument.code, answers, note=progress.note)
        events = []
        if "safety" in result.summary["flags"]:
            events.append(
                safety.record(user, safety.PHQ9_SAFETY_FLAG, "assessment", item=result.pk)
            )
        events.append(safety.record(user, heard, "assessment_note", item=result.pk))
        progress.delete()
    result.risk_events = [event for event in events if event is not None]
    return result


def do_delete_result(result: Result) -> None:
    """Delete one questionnaire result for good: its answers, note and any reminder for it."""
    # The reminder to take it again is tied to this result and goes with it
    # (the one-to-one cascades); later results keep their own.
    result.delete()


def do_save_result(
    user: User,
    code: str,
    answers: Sequence[int | None],
    *,
    note: str = "",
    taken: datetime | None = None,
) -> Result:
    """Score ``answers`` (raw values in item order) and keep the result, sealed.

    Raises AnswerError naming the item when an answer is missing or out of
    range; nothing is saved then. Closes any open retake reminder for the
    same questionnaire.
    """
    scored = score(code, answers)  # type: ignore[arg-type]  # None answers raise AnswerError.
    cleaned_note = _check_note(note)
    moment = taken or timezone.now()
    with transaction.atomic():
        result = Result(owner=user, code=scored.code, taken=moment)
        result.answers = list(scored.answers)
        result.summary = {
            "score": scored.score,
            "raw_sum": scored.raw_sum,
            "band": scored.band,
            "flags": sorted(scored.flags),
            "cutpoint": scored.cutpoint,
        }
        result.note = cleaned_note or None
        seal(result)
        result.save()
        Reminder.objects.filter(owner=user, code=scored.code, closed__isnull=True).update(
            closed=timezone.now()
        )
    # Risk (the PHQ-9 `safety` flag and the member's note) is recorded by
    # do_finish, the member's own finishing step, in the same transaction.
    # Results made here directly (demo data, tests) record no moment of risk.
    return result


def keep_answers_on_lock(user: User, data: QueryDict) -> bool:
    """Keep answers posted just after the auto-lock (see reclaim/core/hooks.py)."""
    from .paging import answers_from_post

    instrument = queries.enabled_instrument(data.get("code", ""))
    if instrument is None:
        return False
    answers = answers_from_post(instrument, data, range(1, instrument.item_count + 1))
    note = data.get("note")
    if not answers and not note:
        return False
    do_save_answers(user, instrument.code, answers, note=note[:NOTE_MAX_LENGTH] if note else None)
    return True


def do_set_reminder_preference(user: User, *, in_app: bool, by_email: bool) -> ReminderPreference:
    """Save how the member wants to be reminded.

    E-mail reminders need a verified address; without one they stay off.
    """
    if by_email and queries.verified_email(user) is None:
        by_email = False
    preference, _ = ReminderPreference.objects.update_or_create(
        owner=user, defaults={"in_app": in_app, "by_email": by_email}
    )
    return preference


def do_close_reminder(user: User, reminder_id: uuid.UUID) -> bool:
    """The member said "not now": the reminder is put away until the next result is due."""
    closed = Reminder.objects.filter(owner=user, pk=reminder_id, closed__isnull=True).update(
        closed=timezone.now()
    )
    return closed > 0


def do_make_due_reminders(now: datetime | None = None) -> list[uuid.UUID]:
    """Make a reminder for every latest result whose suggested retake time has passed.

    Run by the hourly job, possibly by several workers at once: each batch
    locks its result rows with ``skip_locked``, so two workers never take the
    same rows, and a reminder is unique per result, so even a race cannot
    make two. Returns the ids of reminders that are owed an e-mail.
    """
    now = now or timezone.now()
    owed: list[uuid.UUID] = []
    for instrument in queries.enabled_instruments():
        cutoff = now - timedelta(days=instrument.retake_interval_days)
        while True:
            made = _remind_batch(instrument.code, cutoff, now)
            owed.extend(reminder.id for reminder in made if reminder.email_wanted)
            if len(made) < REMINDER_BATCH:
                break
    return owed


def _remind_batch(code: str, cutoff: datetime, now: datetime) -> list[Reminder]:
    newer = Result.objects.filter(
        owner_id=OuterRef("owner_id"), code=OuterRef("code"), taken__gt=OuterRef("taken")
    )
    reminded = Reminder.objects.filter(result_id=OuterRef("pk"))
    with transaction.atomic():
        due = list(
            Result.objects.select_for_update(skip_locked=True)
            .filter(code=code, taken__lte=cutoff)
            .filter(~Exists(newer), ~Exists(reminded))
            .only("id", "owner_id", "code", "taken")
            .order_by("taken", "id")[:REMINDER_BATCH]
        )
        if not due:
            return []
        by_email = dict(
            ReminderPreference.objects.filter(
                owner_id__in={result.owner_id for result in due}
            ).values_list("owner_id", "by_email")
        )
        reminders = [
            Reminder(
                owner_id=result.owner_id,
                result_id=result.id,
                code=result.code,
                created=now,
                email_wanted=by_email.get(result.owner_id, False),
            )
            for result in due
        ]
        made: list[Reminder] = []
        for reminder in reminders:
            # One savepoint each, so a reminder another worker made a moment
            # ago is skipped without spoiling the rest of the batch.
            try:
                with transaction.atomic():
                    reminder.save(force_insert=True)
            except IntegrityError:
                continue
            made.append(reminder)
    return made


def do_send_reminder_email(reminder_id: uuid.UUID | str) -> bool:
    """Send the one e-mail a reminder may have, if it is still wanted. True if sent.

    The reminder row is locked and marked in the same transaction as the
    send, so it goes at most once however many workers try.
    """
    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update(skip_locked=True)
            .filter(pk=reminder_id, email_wanted=True, emailed__isnull=True, closed__isnull=True)
            .first()
        )
        if reminder is None:
            return False
        preference = ReminderPreference.objects.filter(owner_id=reminder.owner_id).first()
        address = queries.verified_email(reminder.owner)
        if preference is None or not preference.by_email or address is None:
            # The member changed their mind, or lost their verified address:
            # the e-mail is no longer owed.
            Reminder.objects.filter(pk=reminder.pk).update(email_wanted=False)
            return False
        link = settings.RECLAIM_SITE_URL.rstrip("/") + reverse("assessments:index")
        send_mail(
            REMINDER_SUBJECT,
            # The reminder choices are a card on the questionnaires page.
            REMINDER_BODY.format(link=link, settings_link=f"{link}#reminder-settings"),
            None,
            [address],
        )
        Reminder.objects.filter(pk=reminder.pk).update(emailed=timezone.now())
    log.info("assessment reminder e-mailed")
    return True
