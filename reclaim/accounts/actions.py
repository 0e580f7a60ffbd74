"""Every write to an account goes through here."""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import timedelta
from typing import Any

from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from reclaim.core import export as core_export
from reclaim.vault.crypto import destroy_member_keys
from reclaim.vault.fields import open_row, seal

from . import exports
from .models import Export, Notice, RecoveryCode, Situation, User

log = logging.getLogger(__name__)

CODE_COUNT = 10
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def _hash_code(code: str) -> str:
    normalised = code.strip().lower().replace("-", "").replace(" ", "")
    return salted_hmac("reclaim.recovery-code", normalised, algorithm="sha256").hexdigest()


def _new_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@transaction.atomic
def do_make_recovery_codes(user: User) -> list[str]:
    """Replace the member's recovery codes; the plain codes exist only in the answer."""
    RecoveryCode.objects.filter(owner=user).delete()
    codes = [_new_code() for _ in range(CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(owner=user, code_hash=_hash_code(code)) for code in codes]
    )
    return codes


@transaction.atomic
def do_use_recovery_code(user: User, code: str) -> bool:
    wanted = _hash_code(code)
    for row in RecoveryCode.objects.select_for_update().filter(owner=user, used__isnull=True):
        if constant_time_compare(row.code_hash, wanted):
            row.used = timezone.now()
            row.save(update_fields=["used"])
            return True
    return False


@transaction.atomic
def do_recover_with_code(user: User, code: str, password: str) -> bool:
    """Use one recovery code and set the new password, both or neither.

    The password must already be validated (RecoverForm.check_password_for),
    so a too-short password never costs the member one of their codes.
    """
    if not do_use_recovery_code(user, code):
        return False
    user.set_password(password)
    user.save(update_fields=["password"])
    return True


def do_save_situation(user: User, details: dict[str, Any]) -> Situation:
    situation = Situation.objects.filter(owner=user).first() or Situation(owner=user)
    situation.details = details
    seal(situation)
    situation.save()
    return situation


def do_finish_onboarding(user: User) -> None:
    if user.onboarded is None:
        user.onboarded = timezone.now()
        user.save(update_fields=["onboarded"])


def _check_choices(changes: dict[str, Any]) -> None:
    """The last guard for callers that skip SettingsForm: only values the form offers."""
    from django.conf import settings
    from django_countries import countries

    from .forms import AUTOLOCK_CHOICES
    from .zones import TIMEZONES

    allowed = {
        "language": {code for code, _ in settings.LANGUAGES},
        "timezone": set(TIMEZONES),
        "country": {"", *(code for code, _ in countries)},
        "autolock_minutes": {minutes for minutes, _ in AUTOLOCK_CHOICES},
    }
    wrong = [
        name for name, known in allowed.items() if name in changes and changes[name] not in known
    ]
    if wrong:
        raise ValidationError({name: "This is not one of the choices offered." for name in wrong})


def do_update_settings(user: User, changes: dict[str, Any]) -> None:
    _check_choices(changes)
    for name, value in changes.items():
        # An empty display name is stored as NULL: nothing to seal.
        setattr(user, name, (value or None) if name == "display_name" else value)
    seal(user)
    user.save(update_fields=list(changes))


def do_set_display_name(user: User, name: str) -> None:
    """Seal and keep the name the member asked us to call them (saved account only)."""
    do_update_settings(user, {"display_name": name})


@transaction.atomic
def do_delete_account(user: User) -> None:
    """Delete a member and everything of theirs, at once and for good.

    The data key goes first: from that moment every sealed word of theirs,
    here or in any copy of the database, is noise, even if a later step
    fails. Then every browser signed in as them is signed out (through the
    session store, so it works for database and Redis sessions alike), and
    the user row goes, which takes every row that names them with it (each
    owner foreign key cascades; a test walks all models to hold that).
    """
    # The key first, and into the deletion ledger kept outside the database,
    # so a restore of any older backup forgets this member again.
    destroy_member_keys(user.pk)
    get_usersessions_adapter().end_sessions(list(UserSession.objects.filter(user_id=user.pk)))
    user.delete()


def _session_mark(session_key: str | None) -> str:
    """What a notice keeps of the session it came from: a keyed hash, never the key."""
    if not session_key:
        return ""
    return salted_hmac("reclaim.notice-session", session_key, algorithm="sha256").hexdigest()


@transaction.atomic
def do_add_notice(user: User, kind: str, session_key: str | None, device: str = "") -> int:
    """Keep a notice for the member's other sessions; returns the new notice number.

    The e-mail goes only to a member who asked for it, once the row is saved,
    from the job worker: the page never waits on the mail server, and a mail
    server that is down does not fail the sign-in.
    """
    from django.db.models import F

    from .tasks import send_notice

    Notice.objects.create(
        owner=user, kind=kind, device=device, from_session=_session_mark(session_key)
    )
    User.objects.filter(pk=user.pk).update(notice_serial=F("notice_serial") + 1)
    user.refresh_from_db(fields=["notice_serial"])
    if user.notices_by_email and user.email:
        transaction.on_commit(lambda: send_notice(str(user.pk)))
    return user.notice_serial


def do_send_notice_email(user_id: str) -> bool:
    """E-mail the member about a notice, if they still want e-mail and have an address."""
    from .notices import send_notice_email

    user = User.objects.filter(pk=user_id).only("email", "notices_by_email").first()
    if user is None or not (user.notices_by_email and user.email):
        return False
    send_notice_email(user.email)
    return True


@transaction.atomic
def do_take_notices(user: User, session_key: str | None) -> list[Notice]:
    """The notices this session has not seen, removed as they are handed over.

    A session never gets the notices it made itself: the member was there.
    """
    notices = list(
        Notice.objects.select_for_update()
        .filter(owner=user)
        .exclude(from_session=_session_mark(session_key))
    )
    Notice.objects.filter(pk__in=[notice.pk for notice in notices]).delete()
    return notices


NOTICE_KEPT_DAYS = 30


def do_forget_old_notices() -> int:
    """Remove notices older than NOTICE_KEPT_DAYS; returns how many went.

    A notice waits for a session other than the one it came from. A member
    who only ever uses one browser never opens such a session, so without
    this their notices would stay for good.
    """
    cutoff = timezone.now() - timedelta(days=NOTICE_KEPT_DAYS)
    deleted, _ = Notice.objects.filter(created__lt=cutoff).delete()
    return deleted


def do_end_other_sessions(user: User, session_key: str | None) -> int:
    """Sign the member out everywhere but this session; returns how many ended."""
    from allauth.usersessions.models import UserSession

    others = UserSession.objects.filter(user=user).exclude(session_key=session_key or "")
    ended = 0
    for session in others:
        session.end()
        ended += 1
    return ended


def do_end_session(user: User, session_id: int) -> bool:
    """Sign the member out of one of their other sessions; False when there is no such one."""
    from allauth.usersessions.models import UserSession

    session = UserSession.objects.filter(user=user, pk=session_id).first()
    if session is None:
        return False
    session.end()
    return True


# --- taking a copy ---------------------------------------------------------------


@transaction.atomic
def do_ask_for_export(user: User) -> Export:
    """Start a copy of everything (or hand back the one already on its way).

    One copy at a time: a finished or failed one is replaced, so there is
    never more than one file of the member's words waiting. The job gets
    the row's id and nothing else.
    """
    from .tasks import make_export

    now = timezone.now()
    on_its_way = (
        Export.objects.select_for_update()
        .filter(owner=user, expires__gt=now, state__in=Export.ON_ITS_WAY)
        .first()
    )
    if on_its_way is not None:
        return on_its_way
    Export.objects.filter(owner=user).delete()
    export = Export.objects.create(owner=user, created=now, expires=now + exports.KEPT_FOR)
    transaction.on_commit(lambda: make_export(str(export.pk)))
    return export


def do_make_export(export_id: str) -> str:
    """Gather, check, zip and seal the copy; returns the state it ended in.

    Progress is written part by part, outside any transaction, so the page
    the member watches can count along. A copy that does not meet the
    published schema is never offered: it fails, and the log says where,
    never what.
    """
    updated = Export.objects.filter(pk=export_id, state=Export.State.WAITING).update(
        state=Export.State.MAKING, parts_total=core_export.part_count()
    )
    if not updated:
        # Gone (downloaded, expired, the account deleted) or taken by another worker.
        return "gone"
    export = Export.objects.select_related("owner").get(pk=export_id)

    def counted(done: int, total: int) -> None:
        Export.objects.filter(pk=export_id).update(parts_done=done, parts_total=total)

    try:
        document = core_export.document(export.owner, on_part=counted)
        problems = core_export.problems(document)
        if problems:
            log.error("export %s does not meet its schema at: %s", export_id, problems[:5])
            Export.objects.filter(pk=export_id).update(state=Export.State.FAILED)
            return Export.State.FAILED
        export.file = exports.zipped(document)
    except Exception as error:
        # The kind of error only: a message could quote the member's words.
        log.error("export %s failed: %s", export_id, type(error).__name__)
        Export.objects.filter(pk=export_id).update(state=Export.State.FAILED)
        return Export.State.FAILED
    seal(export)
    export.state = Export.State.READY
    # A conditional write: if the member deleted the copy (or their account)
    # meanwhile, nothing comes back.
    Export.objects.filter(pk=export_id).update(state=export.state, file_sealed=export.file_sealed)
    return Export.State.READY


@transaction.atomic
def do_hand_over_export(user: User, export_id: uuid.UUID | str) -> bytes | None:
    """The finished file, once: the row (and the file in it) is deleted as it is handed over."""
    export = (
        Export.objects.select_for_update()
        .filter(owner=user, pk=export_id, state=Export.State.READY, expires__gt=timezone.now())
        .first()
    )
    if export is None:
        return None
    open_row(export, "file")
    data: bytes = export.file
    export.delete()
    return data


def do_forget_expired_exports(now: Any = None) -> int:
    """Delete every copy past its 24 hours, downloaded or not; returns how many."""
    deleted, _ = Export.objects.filter(expires__lte=now or timezone.now()).delete()
    return deleted
