"""Every write of the calm tool goes through here.

Anything with the member's words is saved through `save_listened`, so it is
sealed and listened to for risk in one step; saving is never blocked.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, time
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from reclaim.assessments import queries as assessment_queries
from reclaim.toolkit.writing import save_listened, today_for
from reclaim.vault.fields import seal

from .forms import SENSE_CODES
from .models import CalmSettings, Grounding, Thought

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

log = logging.getLogger("reclaim.calm")

SOURCE = "calm"

# The e-mail names nothing: someone else may read the member's inbox. Its
# words are fixed here, never from a template or the member's text, and are
# the same as the questionnaire reminder's, so the two cannot be told apart.
REMINDER_SUBJECT = "A reminder"
REMINDER_BODY = (
    "Hello,\n\n"
    "You asked us to remind you. Sign in when it suits you.\n\n"
    "{link}\n\n"
    "You can stop these e-mails in your settings after signing in.\n"
)


def do_park(user: User, words: str, due: datetime) -> tuple[Thought, RiskEvent | None]:
    """Park a worry (sealed) until `due`."""
    words = words.strip()
    if not words:
        raise ValueError("A parked thought needs some words.")

    def fill() -> Thought:
        now = timezone.now()
        thought = Thought(owner=user, created=now, day=today_for(user), due=due)
        thought.text = words
        return thought

    return save_listened(user, SOURCE, [words], fill)


def do_reflect(thought: Thought, words: str, *, done: bool) -> tuple[Thought, RiskEvent | None]:
    """Keep what the member thinks of the thought now (sealed), and maybe put it to rest."""
    words = words.strip()

    def fill() -> Thought:
        thought.now = words
        if done and thought.done is None:
            thought.done = timezone.now()
        return thought

    return save_listened(thought.owner, SOURCE, [words], fill, update_fields=["now_sealed", "done"])


def do_mark_done(thought: Thought) -> Thought:
    if thought.done is None:
        thought.done = timezone.now()
        thought.save(update_fields=["done"])
    return thought


def do_repark(thought: Thought, due: datetime) -> Thought:
    """Send the thought away again; a new due time earns a new reminder."""
    thought.due = due
    thought.done = None
    thought.emailed = None
    thought.save(update_fields=["due", "done", "emailed"])
    return thought


def do_delete_thought(thought: Thought) -> None:
    thought.delete()


def do_save_grounding(
    user: User, notes: Mapping[str, str]
) -> tuple[Grounding | None, RiskEvent | None]:
    """Keep the notes of a grounding the member chose to save. Nothing is kept when all are empty."""
    kept = {code: str(notes.get(code) or "").strip() for code in SENSE_CODES}
    kept = {code: words for code, words in kept.items() if words}
    if not kept:
        return None, None

    def fill() -> Grounding:
        grounding = Grounding(owner=user, created=timezone.now(), day=today_for(user))
        grounding.notes = kept
        return grounding

    return save_listened(user, SOURCE, kept.values(), fill)


def do_delete_grounding(grounding: Grounding) -> None:
    grounding.delete()


def do_save_settings(user: User, *, worry_time: time, by_email: bool) -> CalmSettings:
    """Keep the member's worry time (sealed) and e-mail choice.

    E-mail needs a verified address; without one it stays off.
    """
    if by_email and assessment_queries.verified_email(user) is None:
        by_email = False
    row = CalmSettings.objects.filter(owner=user).first() or CalmSettings(owner=user)
    row.worry_time = worry_time.strftime("%H:%M")
    row.by_email = by_email
    seal(row)
    row.save()
    return row


def do_send_reminder(thought_ids: Iterable[uuid.UUID | str], now: datetime | None = None) -> bool:
    """Send one neutral e-mail for one member's thoughts that just came due. True if sent.

    The rows are locked and marked in the same transaction as the send, so
    each thought is e-mailed about at most once however many workers try;
    a row another worker holds is skipped. Thoughts of one member that come
    due together share one e-mail rather than filling the inbox.
    """
    now = now or timezone.now()
    ids = [str(pk) for pk in thought_ids]
    with transaction.atomic():
        due = list(
            Thought.objects.select_for_update(skip_locked=True)
            .filter(pk__in=ids, emailed__isnull=True, done__isnull=True, due__lte=now)
            .only("id", "owner_id")
        )
        if not due:
            return False
        owner_id = due[0].owner_id
        due = [thought for thought in due if thought.owner_id == owner_id]
        marked = Thought.objects.filter(pk__in=[thought.pk for thought in due])
        wanted = CalmSettings.objects.filter(owner_id=owner_id, by_email=True).exists()
        address = assessment_queries.verified_email(due[0].owner) if wanted else None
        if address is None:
            # The member changed their mind or lost their verified address:
            # this e-mail is no longer owed, and is never sent later.
            marked.update(emailed=now)
            return False
        # The site's front door, not this tool's address: even a link in an
        # inbox someone else reads must not say what it is about. Signed in,
        # the member lands on Today, which shows the ready notice.
        link = settings.RECLAIM_SITE_URL.rstrip("/") + reverse("core:home")
        send_mail(REMINDER_SUBJECT, REMINDER_BODY.format(link=link), None, [address])
        marked.update(emailed=now)
    log.info("calm reminder e-mailed")
    return True
