"""The self-compassion break's answers, carried from screen to screen."""

from __future__ import annotations

from reclaim.toolkit.forms import ToolForm, text

from .steps import STEPS


class BreakForm(ToolForm):
    """All three optional boxes. Each screen shows one; the others travel hidden."""

    notice = text(STEPS[0].label, help_text=STEPS[0].help)
    common = text(STEPS[1].label, help_text=STEPS[1].help)
    kindness = text(STEPS[2].label, help_text=STEPS[2].help)
