from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from reclaim.checkins.actions import do_create_checkin
from reclaim.checkins.models import CheckIn

from .helpers import answers


@pytest.fixture
def make_checkin() -> Callable[..., CheckIn]:
    def make(user, *, now: datetime | None = None, **changes) -> CheckIn:
        return do_create_checkin(user, answers(**changes), now=now)

    return make


@pytest.fixture
def checkin(member, make_checkin) -> CheckIn:
    return make_checkin(member, note="A hard morning.", triggers=["Their phone"])
