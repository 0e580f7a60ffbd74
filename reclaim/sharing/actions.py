"""Every write about sharing: invitations, connecting, the switches, the looks.

Views parse and call; these functions check, write and (for a
practitioner's write) record an audit line, in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import dateformat, timezone

from reclaim.practice import audit
from reclaim.vault.fields import create_sealed

from . import codes, queries, suggestions
from .models import (
    INVITATION_DAYS,
    ClientInvitation,
    Connection,
    Grant,
    Look,
    Part,
    PrivateNote,
    RiskAlert,
    Suggestion,
)

if TYPE_CHECKING:
    from reclaim.accounts.models import User

# The audit log's name for a practitioner making a client invitation.
INVITE_CLIENT = "client_invitation.create"
# The longest name a member may show a practitioner.
SHOWN_NAME_LIMIT = 80
# The audit log's names for a practitioner's private notes (never their words).
ADD_NOTE = "client_note.create"
DELETE_NOTE = "client_note.delete"
# The audit log's name for a suggestion (the kind and key only).
SUGGEST = "client_suggestion.create"
# The longest private note, in characters.
NOTE_LIMIT = 5_000


class CodeRefused(Exception):
    """The code is unknown, used, or past its date: one kind answer for all three."""


@dataclass(frozen=True)
class NewClientInvitation:
    """An invitation just made, with the one copy of its code there will ever be."""

    invitation: ClientInvitation
    code: str


@transaction.atomic
def do_invite_client(practitioner: User) -> NewClientInvitation:
    """Make a single-use code for a client, open for INVITATION_DAYS."""
    code = codes.new_code()
    invitation = ClientInvitation.objects.create(
        practitioner=practitioner,
        code_digest=codes.digest(code),
        expires=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    audit.record(practitioner, INVITE_CLIENT, invitation, label="Client invitation")
    return NewClientInvitation(invitation, code)


def do_connect(member: User, typed_code: str, shown_name: str) -> Connection:
    """Use the code and connect the member to its practitioner, with every switch off.

    The code is claimed by one conditional UPDATE (still unused, not yet
    expired), so two people racing with one code cannot both connect.
    Raises CodeRefused when the code cannot be used, whatever the reason.
    """
    if not codes.looks_like_code(typed_code):
        raise CodeRefused
    name = shown_name.strip()[:SHOWN_NAME_LIMIT]
    now = timezone.now()
    with transaction.atomic():
        invitation = ClientInvitation.objects.filter(code_digest=codes.digest(typed_code)).first()
        if invitation is None:
            raise CodeRefused
        existing = Connection.objects.filter(
            owner=member, practitioner_id=invitation.practitioner_id, ended__isnull=True
        ).first()
        if existing is not None:
            # Already connected to this practitioner: nothing changes, and the
            # code stays unused (it may have been meant for someone else).
            return existing
        claimed = ClientInvitation.objects.filter(
            pk=invitation.pk, used_at__isnull=True, expires__gt=now
        ).update(used_at=now)
        if claimed != 1:
            raise CodeRefused
        return create_sealed(
            Connection,
            owner=member,
            practitioner_id=invitation.practitioner_id,
            created=now,
            shown_name=name,
        )


@transaction.atomic
def do_disconnect(connection: Connection) -> Connection:
    """End the connection: every switch off at once; the looks stay for the member to read."""
    Grant.objects.filter(connection=connection).delete()
    connection.ended = timezone.now()
    connection.save(update_fields=["ended"])
    return connection


@transaction.atomic
def do_set_switches(
    connection: Connection,
    *,
    results: Iterable[str],
    answers: Iterable[str],
    trends: bool,
    safety_plan: bool,
    risk_alerts: bool = False,
) -> None:
    """Set the connection's switches (all but the journal entries) to exactly these.

    Answers to a questionnaire are shared only together with its results:
    item answers without the scores would make no sense to read.
    """
    if not connection.is_live:
        return
    result_codes = set(results)
    wanted = {(Part.RESULTS, code) for code in result_codes}
    wanted |= {(Part.ANSWERS, code) for code in answers if code in result_codes}
    if trends:
        wanted.add((Part.TRENDS, ""))
    if safety_plan:
        wanted.add((Part.SAFETY_PLAN, ""))
    if risk_alerts:
        wanted.add((Part.RISK_ALERTS, ""))
    switchable = [Part.RESULTS, Part.ANSWERS, Part.TRENDS, Part.SAFETY_PLAN, Part.RISK_ALERTS]
    current = set(
        Grant.objects.filter(connection=connection, part__in=switchable).values_list("part", "key")
    )
    for part, key in current - wanted:
        Grant.objects.filter(connection=connection, part=part, key=key).delete()
    Grant.objects.bulk_create(
        [Grant(connection=connection, part=part, key=key) for part, key in wanted - current],
        ignore_conflicts=True,
    )


def do_share_entry(connection: Connection, entry_id: uuid.UUID) -> None:
    """Share one journal entry (already checked to be the member's own) on this connection."""
    if connection.is_live:
        Grant.objects.get_or_create(connection=connection, part=Part.ENTRY, key=str(entry_id))


def do_unshare_entry(connection: Connection, entry_id: uuid.UUID) -> None:
    Grant.objects.filter(connection=connection, part=Part.ENTRY, key=str(entry_id)).delete()


def do_share_tool_entry(connection: Connection, key: str) -> None:
    """Share one toolkit entry ("<module>:<id>", already checked to be the member's own)."""
    if connection.is_live:
        Grant.objects.get_or_create(connection=connection, part=Part.TOOL_ENTRY, key=key)


def do_unshare_tool_entry(connection: Connection, key: str) -> None:
    Grant.objects.filter(connection=connection, part=Part.TOOL_ENTRY, key=key).delete()


def do_forget_deleted_entries() -> int:
    """Take away the switches of journal and toolkit entries their members have deleted.

    A switch keeps only an entry's id. Reading already passes over one whose
    entry is gone (it is simply not found), so a practitioner never sees it;
    this removes the row itself, so the table holds switches of things that
    exist. Nightly, from tasks.py; returns how many went.

    One member at a time, so memory holds one member's switches, however
    large the installation.
    """
    members = get_user_model().objects
    switches = Grant.objects.filter(part__in=(Part.ENTRY, Part.TOOL_ENTRY))
    owners = switches.values_list("connection__owner", flat=True).distinct().order_by()
    gone = 0
    for member in members.filter(pk__in=owners).order_by("pk").iterator(chunk_size=200):
        rows = list(switches.filter(connection__owner=member).values_list("pk", "part", "key"))
        there = queries.still_there(member, [(part, key) for _, part, key in rows])
        stale = [pk for pk, part, key in rows if (part, key) not in there]
        if stale:
            gone += Grant.objects.filter(pk__in=stale).delete()[0]
    return gone


def do_record_looks(
    connection: Connection, looks: Iterable[tuple[str, str]], *, copied: bool = False
) -> None:
    """Note that the practitioner opened these (part, key) pairs now. Never what they held.

    `copied` says they took them away as a PDF rather than read the page.
    """
    now = timezone.now()
    Look.objects.bulk_create(
        [
            Look(connection=connection, part=part, key=key, at=now, copied=copied)
            for part, key in looks
        ]
    )


def do_record_looks_for_many(looks: Iterable[tuple[Connection, str, str]]) -> None:
    """`do_record_looks` for several clients at once (the client list), in one insert."""
    now = timezone.now()
    Look.objects.bulk_create(
        [Look(connection=connection, part=part, key=key, at=now) for connection, part, key in looks]
    )


@transaction.atomic
def do_add_private_note(practitioner: User, connection: Connection, text: str) -> PrivateNote:
    """Keep a private note about this client, sealed with the practitioner's key."""
    note = create_sealed(
        PrivateNote, owner=practitioner, connection=connection, text=text.strip()[:NOTE_LIMIT]
    )
    audit.record(practitioner, ADD_NOTE, note, label="Client note")
    return note


@transaction.atomic
def do_delete_private_note(practitioner: User, connection: Connection, note_id: uuid.UUID) -> bool:
    """Delete one of the practitioner's own notes about this client; False if there is none."""
    note = PrivateNote.objects.filter(pk=note_id, owner=practitioner, connection=connection).first()
    if note is None:
        return False
    audit.record(practitioner, DELETE_NOTE, note, label="Client note")
    note.delete()
    return True


@transaction.atomic
def do_suggest(practitioner: User, connection: Connection, kind: str, key: str) -> Suggestion:
    """Suggest something from the catalogue to this client; one open suggestion per thing.

    Raises ValueError for anything that is not in the catalogue.
    """
    if suggestions.find(kind, key) is None:
        raise ValueError("not something that can be suggested")
    open_one = Suggestion.objects.filter(
        connection=connection, kind=kind, key=key, closed__isnull=True
    ).first()
    if open_one is not None:
        return open_one
    made = Suggestion.objects.create(connection=connection, kind=kind, key=key)
    audit.record(practitioner, SUGGEST, made, label=f"{kind}: {key}")
    return made


@transaction.atomic
def do_answer_suggestion(member: User, suggestion_id: uuid.UUID, answer: str) -> Suggestion | None:
    """The member takes up a suggestion or sets it aside; None when it is not theirs or not open."""
    if answer not in Suggestion.Answer.values:
        return None
    found = (
        Suggestion.objects.select_for_update()
        .filter(
            pk=suggestion_id,
            connection__owner=member,
            connection__ended__isnull=True,
            closed__isnull=True,
        )
        .first()
    )
    if found is None:
        return None
    found.closed = timezone.now()
    found.answer = answer
    found.save(update_fields=["closed", "answer"])
    return found


# --- risk alerts -------------------------------------------------------------

# After an alert is e-mailed, further alerts about the same client within
# this time are kept (and shown on the client's page) but not e-mailed again:
# one message is enough to make them look, and a long night must not fill
# their inbox.
ALERT_QUIET = timedelta(hours=1)
# How far back the client page and the client list show risk alerts.
ALERT_DAYS = 30


def alerts_shown_since() -> datetime:
    """The oldest moment of an alert the client page and the client list still show."""
    return timezone.now() - timedelta(days=ALERT_DAYS)


def do_raise_risk_alerts(member: User, moment: datetime) -> list[RiskAlert]:
    """An urgent moment was kept: alert each practitioner the member switched alerts on for.

    Registered with `core.hooks.register_urgent_listener`, so it runs inside
    the transaction that keeps the member's words; the e-mail waits for the
    commit and goes from a job, so the member's save never waits for a mail
    server. The alert holds the moment only.
    """
    from .tasks import send_risk_alert

    connections = Connection.objects.filter(
        owner=member,
        ended__isnull=True,
        grants__part=Part.RISK_ALERTS,
        grants__key="",
    )
    made = [RiskAlert.objects.create(connection=c, at=moment) for c in connections]
    for alert in made:
        transaction.on_commit(partial(send_risk_alert, alert.pk))
    return made


def do_mark_alerts_seen(practitioner: User, connection: Connection, until: datetime) -> int:
    """The practitioner has seen this client's alerts up to `until`: mark them; how many.

    Only alerts the page showed: raised by then (the newest it showed), so
    one raised since stays new, and within the last ALERT_DAYS, since older
    ones are not shown and the client reads which alerts were seen; only
    while the client keeps alerts switched on, as only then are they shown.
    """
    if connection.practitioner_id != practitioner.pk:
        return 0
    return RiskAlert.objects.filter(
        connection=connection,
        connection__grants__part=Part.RISK_ALERTS,
        at__gte=alerts_shown_since(),
        at__lte=until,
        seen__isnull=True,
    ).update(seen=timezone.now())


def do_send_risk_alert(alert_id: int) -> bool:
    """E-mail the practitioner that a client may be at urgent risk, and when; True if it went.

    Nothing is sent when the client has since switched alerts off or
    disconnected, or when an alert went to this practitioner less than
    ALERT_QUIET ago about this same client. The message names no client and holds no words: it
    links to the client's page, which asks the practitioner to sign in.
    """
    from reclaim.practice import mail
    from reclaim.practice.seo import absolute

    alert = (
        RiskAlert.objects.select_related("connection__practitioner")
        .filter(
            pk=alert_id,
            sent__isnull=True,
            connection__ended__isnull=True,
            connection__grants__part=Part.RISK_ALERTS,
        )
        .first()
    )
    if alert is None:
        return False
    connection = alert.connection
    practitioner = connection.practitioner
    # Quiet per client: another client's alert in the same hour is always e-mailed.
    recently = RiskAlert.objects.filter(
        connection=connection, sent__gte=timezone.now() - ALERT_QUIET
    )
    if recently.exists() or not practitioner.email:
        return False
    moment = timezone.localtime(alert.at, practitioner.zone)
    mail.send_message(
        "client_alert",
        practitioner.email,
        {
            "when": dateformat.format(moment, "l j F Y, H:i"),
            "zone": str(practitioner.zone),
            "page_link": absolute(reverse("practice:client", args=[connection.pk])),
        },
        subject_kind="alert",
    )
    RiskAlert.objects.filter(pk=alert.pk).update(sent=timezone.now())
    return True
