"""Support keeps no history, so there is nothing to seed.

The support page is words only: ways to find peer groups, therapy, reading
and safe people, and the practice's offers once they exist. It saves
nothing a member types, so it has no models and no rows to create. `seed`
still exists, and does nothing, because the demo and the benchmarks call
every tool's `seed(user, days, today)` in the same way; it must never raise.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reclaim.accounts.models import User


def seed(user: User, days: int, today: date) -> None:
    """Create nothing: this tool has nothing to save (see the module's docstring)."""
    return None
