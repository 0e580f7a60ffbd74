"""Every write to check-ins goes through here.

`data` is a mapping with the five scales (`mood`, `anger`, `anxiety`,
`sleep`, `self_worth`, whole numbers 0-10; None or absent for a scale not
rated, and at least one rated), `triggers` (names, common or
the member's own; new own names are remembered for next time) and `note`
(optional text). Forms check the same rules with kinder words first; these
checks are the last line, for every other caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from reclaim.safety import response as safety
from reclaim.vault.fields import seal

from . import queries
from .models import (
    COMMON_TRIGGERS,
    NEW_TRIGGERS_PER_CHECKIN,
    NOTE_MAX_LENGTH,
    OWN_TRIGGERS_MAX,
    SCALE_MAX,
    SCALE_NAMES,
    TRIGGER_MAX_LENGTH,
    CheckIn,
    OwnTrigger,
    local_day,
)

if TYPE_CHECKING:
    from reclaim.accounts.models import User

_SPACES = re.compile(r"\s+")


def tidy_trigger(name: str) -> str:
    """One trigger name as we keep it: single spaces, no ends, a sane length."""
    return _SPACES.sub(" ", name).strip()[:TRIGGER_MAX_LENGTH]


def _clean(
    user: User, data: Mapping[str, Any], own: list[str] | None = None
) -> tuple[dict[str, int], list[str], str, list[str]]:
    """Check `data`; return the rated scales, the triggers, the note and the new own names.

    `own` is the member's own trigger names when the caller has already read
    them (a view builds its form from them); otherwise they are read here.
    """
    errors: dict[str, str] = {}
    scales: dict[str, int] = {}
    for name in SCALE_NAMES:
        value = data.get(name)
        if value is None:
            # Not rated: no value is kept, so nothing can later read it as a number.
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= SCALE_MAX:
            errors[name] = f"{name} must be a whole number from 0 to {SCALE_MAX}, or None."
        else:
            scales[name] = value
    if not scales and not errors:
        errors["__all__"] = "At least one scale must be rated."
    note = (data.get("note") or "").rstrip()
    if len(note) > NOTE_MAX_LENGTH:
        errors["note"] = f"The note is longer than {NOTE_MAX_LENGTH} characters."
    if errors:
        raise ValidationError(errors)

    # A name typed again in another case is the same trigger, spelled the
    # way the member first chose (or the way we offer it).
    if own is None:
        own = queries.own_trigger_names(user)
    known = {name.casefold(): name for name in (*COMMON_TRIGGERS, *own)}
    triggers: list[str] = []
    new_own: list[str] = []
    for raw in data.get("triggers") or ():
        name = tidy_trigger(str(raw))
        if not name:
            continue
        canonical = known.get(name.casefold())
        if canonical is None:
            canonical = known[name.casefold()] = name
            new_own.append(name)
        if canonical not in triggers:
            triggers.append(canonical)
    if len(new_own) > NEW_TRIGGERS_PER_CHECKIN or len(own) + len(new_own) > OWN_TRIGGERS_MAX:
        raise ValidationError({"triggers": "Too many new triggers of the member's own."})
    return scales, triggers, note, new_own


def _remember_own_triggers(user: User, names: Iterable[str]) -> None:
    rows = []
    for name in names:
        trigger = OwnTrigger(owner=user)
        trigger.name = name
        rows.append(trigger)
    # bulk_create sends no pre_save, so nothing would catch a value left unsealed.
    seal(*rows)
    OwnTrigger.objects.bulk_create(rows)


def _set_note(checkin: CheckIn, note: str) -> None:
    # No note, no ciphertext: the row says plainly that it has none, and
    # reading `checkin.note` gives "", as it does after loading it again.
    checkin.note = note or None


def do_create_checkin(
    user: User,
    data: Mapping[str, Any],
    *,
    now: datetime | None = None,
    own_triggers: list[str] | None = None,
) -> CheckIn:
    """Save a new check-in for `user`; `now` is for tests and demo data only.

    `own_triggers`, when given, is `queries.own_trigger_names(user)` as the
    caller already read it, so the sealed names are not opened twice.
    """
    scales, triggers, note, new_own = _clean(user, data, own_triggers)
    # Listen before the transaction (pure computation), then keep the note and any
    # moment of risk in the same transaction: both, or neither.
    heard = safety.listen(note, user.language)
    moment = now or timezone.now()
    checkin = CheckIn(owner=user, created=moment, day=local_day(user, moment))
    checkin.scores = scales
    _set_note(checkin, note)
    checkin.triggers = triggers
    seal(checkin)
    with transaction.atomic():
        checkin.save(force_insert=True)
        checkin.risk_event = safety.record(user, heard, "checkin", item=checkin.pk)
        _remember_own_triggers(user, new_own)
    # The view shows the panel if there is a moment of risk.
    return checkin


def do_update_checkin(
    checkin: CheckIn, data: Mapping[str, Any], *, own_triggers: list[str] | None = None
) -> CheckIn:
    """Change a check-in's numbers, triggers and note. Its moment and day stay.

    `own_triggers` is as for `do_create_checkin`.
    """
    scales, triggers, note, new_own = _clean(checkin.owner, data, own_triggers)
    heard = safety.listen(note, checkin.owner.language)
    checkin.scores = scales
    _set_note(checkin, note)
    checkin.triggers = triggers
    seal(checkin)
    with transaction.atomic():
        checkin.save(update_fields=["scores_sealed", "note_sealed", "triggers_sealed"])
        checkin.risk_event = safety.record(checkin.owner, heard, "checkin", item=checkin.pk)
        _remember_own_triggers(checkin.owner, new_own)
    return checkin


def do_forget_own_trigger(user: User, name: str) -> int:
    """Stop offering one of the member's own triggers (any spelling of it).

    Past check-ins keep the trigger they were saved with: they are a record
    of that day. Returns how many rows were removed.
    """
    wanted = name.casefold()
    doomed = [t.pk for t in queries.own_triggers(user) if t.name.casefold() == wanted]
    OwnTrigger.objects.filter(owner=user, pk__in=doomed).delete()
    return len(doomed)


def do_delete_checkin(checkin: CheckIn) -> None:
    """Delete one check-in for good. Own triggers stay, to be offered again."""
    checkin.delete()
