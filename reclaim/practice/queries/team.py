"""What the operator's pages and the invitation page read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.core.paginator import Page, Paginator
from django.utils import timezone

from .. import invitations
from ..models import AuditEntry, Invitation

# Lines on one page of the audit log.
AUDIT_PER_PAGE = 50


@dataclass(frozen=True)
class InvitationRow:
    invitation: Invitation
    # "used", "ended" (ran out unused) or "open" (can still be accepted or withdrawn).
    state: Literal["used", "ended", "open"]


def invitation_list() -> list[InvitationRow]:
    """Every invitation, newest first, with where it stands, for the operator's list."""
    now = timezone.now()
    rows = []
    for invitation in Invitation.objects.select_related("used_by").order_by("-created"):
        state: Literal["used", "ended", "open"] = (
            "used" if invitation.used_at else "ended" if invitation.expires <= now else "open"
        )
        rows.append(InvitationRow(invitation, state))
    return rows


def open_invitation(token: str) -> Invitation | None:
    """The invitation this token opens, if it is still unused and unexpired."""
    return Invitation.objects.filter(
        token_digest=invitations.digest(token),
        used_at__isnull=True,
        expires__gt=timezone.now(),
    ).first()


def audit_page(number: str | int | None) -> Page[AuditEntry]:
    """One page of the audit log, newest first; a page past the end gives the last."""
    paginator = Paginator(AuditEntry.objects.order_by("-at", "-id"), AUDIT_PER_PAGE)
    return paginator.get_page(number)
