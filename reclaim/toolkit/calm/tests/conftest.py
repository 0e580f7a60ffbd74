"""Helpers for the calm tool's tests: thoughts parked through the real actions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from reclaim.toolkit.calm import actions
from reclaim.toolkit.calm.models import Thought
from reclaim.vault.crypto import key_cache

RISK = "I have the pills saved up and tonight I end my life."


@pytest.fixture
def park():
    """Park a thought for a member, due `in_hours` from now (negative: already due)."""

    def _park(user, words: str = "What if it is still going on?", in_hours: float = 2) -> Thought:
        with key_cache():
            thought, _ = actions.do_park(user, words, timezone.now() + timedelta(hours=in_hours))
        return thought

    return _park


@pytest.fixture
def ready(member, park) -> Thought:
    return park(member, "Will the children notice how tired I am?", in_hours=-1)


@pytest.fixture
def waiting(member, park) -> Thought:
    return park(member, "I keep replaying the day I found out.", in_hours=5)


def opt_in_to_email(user) -> None:
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    actions.do_save_settings(user, worry_time=timezone.now().time(), by_email=True)
