"""Short names for the check-in scales, shared by every picture of them.

A module of its own so today.py can use the Progress page's chart builders
(progress.py) while progress.py and helped.py use these names, without the
modules importing each other in a circle.
"""

from __future__ import annotations

from reclaim.checkins.queries import SCALES

# Direct labels on a chart must be short; the form's longer wording stays on
# the form ("Anxiety or racing thoughts" does not fit beside a line).
SHORT_LABELS = {"anxiety": "Anxiety", "sleep": "Sleep"}


def short_label(name: str) -> str:
    label = next(scale.label for scale in SCALES if scale.name == name)
    return SHORT_LABELS.get(name, label)
