"""A history in every tool, for the demo member and the benchmarks."""

from __future__ import annotations

import importlib
from datetime import date
from typing import TYPE_CHECKING

from .registry import TOOLS

if TYPE_CHECKING:
    from reclaim.accounts.models import User


def seed_toolkit(user: User, days: int, today: date) -> None:
    """Each tool's own `demo.seed`, for `days` days up to `today`."""
    for tool in TOOLS:
        importlib.import_module(f"{tool.app}.demo").seed(user, days, today)
