"""Short names for the check-in scales, shared by every picture of them.

A module of its own so today.py can use the Progress page's chart builders
(progress.py) while progress.py and helped.py use these names, without the
modules importing each other in a circle.
"""

from __future__ import annotations

from reclaim.checkins.queries import SCALES


def short_label(name: str) -> str:
    """The scale's short name (its `short`, defined with the scale), for charts and tables."""
    return next(scale.short for scale in SCALES if scale.name == name)
