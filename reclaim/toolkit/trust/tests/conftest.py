"""Helpers for the trust tool's tests: rows made through the real actions."""

from __future__ import annotations

from datetime import date

import pytest

from reclaim.toolkit.trust import actions
from reclaim.toolkit.trust.models import Agreement, Observation
from reclaim.toolkit.writing import today_for


@pytest.fixture
def today(member) -> date:
    return today_for(member)


@pytest.fixture
def agree():
    def _agree(user, text: str = "We talk on Sunday evenings.", since: date | None = None):
        agreement, _ = actions.do_add_agreement(user, text, since)
        return agreement

    return _agree


@pytest.fixture
def notice():
    """Save an observation as the form would hand it to the action."""

    def _notice(
        user,
        agreement: Agreement | None = None,
        outcome: str | None = None,
        trust: int | None = None,
        note: str = "",
        day: date | None = None,
    ) -> Observation:
        observation, _ = actions.do_add_observation(
            user,
            {
                "agreement_id": agreement.pk if agreement else None,
                "outcome": outcome,
                "trust": trust,
                "note": note,
                "day": day or today_for(user),
            },
        )
        return observation

    return _notice


@pytest.fixture
def agreement(member, agree) -> Agreement:
    return agree(member, "No contact with the other person.", date(2026, 1, 5))


@pytest.fixture
def observation(member, agreement, notice) -> Observation:
    return notice(member, agreement, "kept", 6, "Told me before I had to ask.")
