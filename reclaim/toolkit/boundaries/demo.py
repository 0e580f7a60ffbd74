"""A history of use for the demo member and the benchmarks."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reclaim.accounts.models import User


def seed(user: User, days: int, today: date) -> None:
    """Create about one thing a day for `days` days up to `today`."""
    raise NotImplementedError("boundaries: seed a history for the benchmarks")
