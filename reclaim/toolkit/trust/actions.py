"""Every write of the trust tool goes through here.

Views parse and call. Anything the member typed is saved through
`save_listened`, so it is sealed and listened to for risk in one step.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from reclaim.toolkit.writing import save_listened, today_for

from .models import OUTCOME_WORDS, TRUST_MAX, TRUST_MIN, Agreement, Observation

if TYPE_CHECKING:
    from reclaim.accounts.models import User
    from reclaim.safety.models import RiskEvent

SOURCE = "trust"


def do_add_agreement(
    user: User, text: str, since: date | None
) -> tuple[Agreement, RiskEvent | None]:
    """Save a new, active agreement in the member's words."""
    text = text.strip()
    if not text:
        raise ValidationError("An agreement needs some words.")
    now = timezone.now()

    def fill() -> Agreement:
        agreement = Agreement(owner=user, created=now, day=today_for(user))
        agreement.text = text
        agreement.since = since.isoformat() if since else ""
        return agreement

    return save_listened(user, SOURCE, [text], fill)


def do_change_agreement(
    agreement: Agreement, text: str, since: date | None
) -> tuple[Agreement, RiskEvent | None]:
    text = text.strip()
    if not text:
        raise ValidationError("An agreement needs some words.")

    def fill() -> Agreement:
        agreement.text = text
        agreement.since = since.isoformat() if since else ""
        return agreement

    return save_listened(
        agreement.owner, SOURCE, [text], fill, update_fields=["text_sealed", "since_sealed"]
    )


def do_retire_agreement(agreement: Agreement, retired: bool) -> Agreement:
    """Retire an agreement (it keeps its history), or make it active again."""
    agreement.retired_on = today_for(agreement.owner) if retired else None
    agreement.save(update_fields=["retired_on"])
    return agreement


def do_delete_agreement(agreement: Agreement) -> None:
    # Its observations go with it (the foreign key cascades): they were about it.
    agreement.delete()


def _checked(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """The last guard behind the form, for callers that skip it."""
    agreement_id = data.get("agreement_id") or None
    outcome = data.get("outcome") or None
    trust = data.get("trust")
    if agreement_id is not None:
        agreement_id = uuid.UUID(str(agreement_id))
        if not Agreement.objects.filter(pk=agreement_id, owner=user).exists():
            raise ValidationError("That agreement is not the member's own.")
        if outcome not in OUTCOME_WORDS:
            raise ValidationError("An observation of an agreement needs an outcome.")
    else:
        outcome = None
        if trust is None:
            raise ValidationError("An observation needs an agreement or a trust level.")
    if trust is not None and not TRUST_MIN <= int(trust) <= TRUST_MAX:
        raise ValidationError("Trust is from 0 to 10.")
    return {
        "agreement_id": agreement_id,
        "facts": {"outcome": outcome, "trust": None if trust is None else int(trust)},
        "note": str(data.get("note") or "").strip(),
        "day": data["day"],
    }


def do_add_observation(user: User, data: dict[str, Any]) -> tuple[Observation, RiskEvent | None]:
    """Save one dated observation: `data` as ObservationForm.observation_data() gives it."""
    fields = _checked(user, data)

    def fill() -> Observation:
        observation = Observation(
            owner=user,
            created=timezone.now(),
            day=fields["day"],
            agreement_id=fields["agreement_id"],
        )
        observation.facts = fields["facts"]
        observation.note = fields["note"]
        return observation

    return save_listened(user, SOURCE, [fields["note"]], fill)


def do_change_observation(
    observation: Observation, data: dict[str, Any]
) -> tuple[Observation, RiskEvent | None]:
    fields = _checked(observation.owner, data)

    def fill() -> Observation:
        observation.agreement_id = fields["agreement_id"]
        observation.day = fields["day"]
        observation.facts = fields["facts"]
        observation.note = fields["note"]
        return observation

    return save_listened(
        observation.owner,
        SOURCE,
        [fields["note"]],
        fill,
        update_fields=["agreement", "day", "facts_sealed", "note_sealed"],
    )


def do_delete_observation(observation: Observation) -> None:
    observation.delete()
