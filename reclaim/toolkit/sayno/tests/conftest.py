"""Things a member has saved in the saying-no tool, made through the real actions."""

from __future__ import annotations

from datetime import date

import pytest

from reclaim.toolkit.sayno.actions import do_log_real, do_save_practice
from reclaim.toolkit.sayno.models import Practice, RealNo


@pytest.fixture
def practise():
    def _practise(user, draft: str = "No, I'm keeping my sessions.", code: str = "stop-support"):
        return do_save_practice(user, code, draft)[0]

    return _practise


@pytest.fixture
def practice(member, practise) -> Practice:
    return practise(member)


@pytest.fixture
def log_real():
    def _log(user, **fields) -> RealNo:
        data = {
            "day": date(2026, 3, 2),
            "who": "My brother",
            "said": "Not this year.",
            "went": "Quiet, then fine.",
            "felt": 7,
        }
        data.update(fields)
        return do_log_real(user, data)[0]

    return _log


@pytest.fixture
def real(member, log_real) -> RealNo:
    return log_real(member)
