"""Every write about the practice's people: invitations, accepting them, the operator.

Each action validates, writes and records an audit line in one transaction,
so a write and its line land together or not at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from reclaim.accounts.roles import Role

from .. import audit, invitations
from ..models import Invitation

log = logging.getLogger(__name__)

# The audit log's names for these writes: one home, read by the tests too.
INVITE = "invitation.create"
REVOKE = "invitation.revoke"
ACCEPT = "invitation.accept"
MAKE_OPERATOR = "account.make_operator"

USERNAME_TAKEN = "That username is taken. Could you try another?"


@dataclass(frozen=True)
class NewInvitation:
    """An invitation just made, with the one copy of its token there will ever be."""

    invitation: Invitation
    token: str


@transaction.atomic
def do_invite(actor: Any, email: str, days: int | None = None) -> NewInvitation:
    """Invite `email` to make a practitioner account, and send them the link.

    `actor` is the operator, or None when the command line does it. The
    e-mail goes once the invitation is saved, so a failed save sends nothing.
    It is sent here, not by a background job, because a job's arguments are
    stored and the token must never be.
    """
    email = email.strip()
    token = invitations.new_token()
    invitation = Invitation.objects.create(
        email=email,
        token_digest=invitations.digest(token),
        invited_by=actor,
        expires=timezone.now() + invitations.lifetime(days),
    )
    audit.record(actor, INVITE, invitation, label=email)
    transaction.on_commit(lambda: _send_invitation(invitation, token))
    return NewInvitation(invitation, token)


def _send_invitation(invitation: Invitation, token: str) -> None:
    # A neutral subject and words: the person may read their mail where others see it.
    context = {
        "link": invitations.link_for(token),
        "expires": invitation.expires,
        "site_name": settings.RECLAIM_DISCREET_NAME,
    }
    try:
        send_mail(
            render_to_string("practice/invitation/email_subject.txt", context).strip(),
            render_to_string("practice/invitation/email_body.txt", context),
            None,
            [invitation.email],
        )
    except Exception as exc:
        # The invitation is made and the operator has its link on screen to
        # pass on; a mail server's trouble must not turn that into an error
        # page. Logged without the address or the link: only the kind of
        # error, since a mail server's own message often names the address.
        log.error("invitation_mail_failed (%s)", type(exc).__name__)


@transaction.atomic
def do_revoke(actor: Any, invitation_id: int) -> bool:
    """End an unused invitation so its link no longer works. False if there was none."""
    invitation = (
        Invitation.objects.select_for_update()
        .filter(pk=invitation_id, used_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    audit.record(actor, REVOKE, invitation, label=invitation.email)
    invitation.delete()
    return True


@transaction.atomic
def do_accept(token: str, username: str, password: str) -> Any:
    """Use an invitation to make a practitioner account; return it, or None if the link is spent.

    The invitation is claimed with one conditional update (still unused and
    unexpired), so two people opening the same link at once cannot both
    make an account: the second update changes no row. A username that is
    taken raises ValidationError and the whole write rolls back, leaving the
    invitation open for another try.
    """
    now = timezone.now()
    digest = invitations.digest(token)
    claimed = Invitation.objects.filter(
        token_digest=digest, used_at__isnull=True, expires__gt=now
    ).update(used_at=now)
    if not claimed:
        return None
    invitation = Invitation.objects.get(token_digest=digest)
    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": USERNAME_TAKEN})
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=username,
                email=invitation.email,
                password=password,
                role=Role.PRACTITIONER,
            )
    except IntegrityError:
        # Someone took the name between the check and the write.
        raise ValidationError({"username": USERNAME_TAKEN}) from None
    # The operator vouched for this address by inviting it, and two-factor
    # set-up asks for a confirmed one.
    EmailAddress.objects.create(user=user, email=invitation.email, verified=True, primary=True)
    Invitation.objects.filter(pk=invitation.pk).update(used_by=user)
    audit.record(user, ACCEPT, invitation, label=invitation.email)
    return user


@transaction.atomic
def do_make_operator(username: str) -> Any:
    """Give an existing account the operator's role (from the command line)."""
    User = get_user_model()
    user = User.objects.select_for_update().filter(username__iexact=username).first()
    if user is None:
        raise ValidationError(f"There is no account with the username {username!r}.")
    user.role = Role.OPERATOR
    user.save(update_fields=["role"])
    audit.record(None, MAKE_OPERATOR, user, label=user.username)
    return user
