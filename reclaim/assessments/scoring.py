"""Score a completed questionnaire and compare two results.

This module is the public interface the rest of Reclaim uses::

    result = score("phq9", [0, 1, 2, 1, 0, 0, 1, 0, 0])
    result.score, result.band, result.flags
    change("phq9", earlier, result)   # "improved", "worsened", "no_reliable_change" or None

It imports Django only inside ``_setting``, and only when Django settings are
in use, so scoring works (and is tested) without a Django project.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .instruments import AnswerError, Instrument, UnknownInstrument, get

__all__ = [
    "IMPROVED",
    "NO_RELIABLE_CHANGE",
    "WORSENED",
    "AnswerError",
    "Change",
    "Score",
    "UnknownInstrument",
    "change",
    "configured_cutpoint",
    "score",
]

Change = Literal["improved", "worsened", "no_reliable_change"]
IMPROVED: Change = "improved"
WORSENED: Change = "worsened"
NO_RELIABLE_CHANGE: Change = "no_reliable_change"

# How each change is named to the member, in a sentence ("that is a real
# improvement") and, capitalised, in a table. One set of words for the
# result page, the history, Progress and the PDF.
CHANGE_LABELS: dict[Change, str] = {
    IMPROVED: "a real improvement",
    WORSENED: "harder than last time",
    NO_RELIABLE_CHANGE: "about the same as last time",
}


@dataclass(frozen=True)
class Score:
    """One scored questionnaire.

    ``score`` is the headline number as the instrument's manual reports it
    (a sum, a mean rounded to 2 decimals, or a percentage). ``raw_sum`` is the
    integer sum after reverse scoring. ``band`` is a band code from the
    instrument's definition and ``flags`` the codes of any flags raised.
    ``answers`` keeps the raw answers in item order; they are sensitive, must
    only be stored encrypted, and are left out of ``repr`` so a stray log line
    or error report does not carry them.
    """

    code: str
    score: int | float
    raw_sum: int
    band: str
    flags: frozenset[str] = frozenset()
    answers: tuple[int, ...] = field(default=(), repr=False)
    # The cut-point the band was decided with, for instruments that have one,
    # so a later change of the setting does not silently reinterpret old results.
    cutpoint: int | None = None

    @property
    def instrument(self) -> Instrument:
        return get(self.code)


def score(code: str, answers: Sequence[int], *, cutpoint: int | None = None) -> Score:
    """Score ``answers`` (raw values in published item order, before any reversal).

    Raises ValueError for an unknown code, and AnswerError (a ValueError whose
    message starts with "item N:") for a missing, extra, non-integer, boolean
    or out-of-range answer. ``cutpoint`` overrides the configured cut-point for
    instruments that have one (PCL-5) and is refused for the others.
    """
    instrument = get(code)
    values = instrument.validate(answers)
    raw = instrument.raw_sum(values)
    used_cutpoint: int | None = None
    if instrument.cutpoint_setting is not None:
        if cutpoint is None:
            used_cutpoint = configured_cutpoint(instrument)
        else:
            used_cutpoint = instrument.check_cutpoint(cutpoint)
    elif cutpoint is not None:
        instrument.check_cutpoint(cutpoint)  # Raises: this instrument has no cut-point.
    return Score(
        code=instrument.code,
        score=instrument.headline(raw),
        raw_sum=raw,
        band=instrument.band_for(raw, cutpoint=used_cutpoint).code,
        flags=instrument.flags_for(values),
        answers=values,
        cutpoint=used_cutpoint,
    )


def change(code: str, before: Score, after: Score) -> Change | None:
    """Whether ``after`` is a reliable change from ``before``, in the member's favour or not.

    A difference of at least the instrument's threshold counts. Returns None
    for instruments without a published threshold, so no screen shows a
    "reliable change" badge we cannot stand behind.
    """
    instrument = get(code)
    for label, result in (("before", before), ("after", after)):
        if result.code != instrument.code:
            raise ValueError(f"The {label} result is for {result.code!r}, not {instrument.code!r}.")
    threshold = instrument.change_threshold
    if threshold is None:
        return None
    difference = after.score - before.score
    better = difference if instrument.higher_is_better else -difference
    if better >= threshold:
        return IMPROVED
    if better <= -threshold:
        return WORSENED
    return NO_RELIABLE_CHANGE


def configured_cutpoint(instrument: Instrument) -> int:
    """The cut-point from Django settings, or the instrument's default, checked."""
    if instrument.cutpoint_setting is None or instrument.default_cutpoint is None:
        raise ValueError(f"{instrument.short_name} has no cut-point to set.")
    value = _setting(instrument.cutpoint_setting, instrument.default_cutpoint)
    return instrument.check_cutpoint(value)


def _setting(name: str, default: int) -> object:
    """Read a Django setting lazily, falling back to ``default`` when Django is not in use.

    Scoring must work in plain Python (tests, scripts) as well as inside the
    app, so an absent or unconfigured Django is not an error here. A value
    that is present but wrong is: the caller checks it and fails loudly.
    """
    try:
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured
    except ImportError:
        return default
    # Touching settings when neither configure() was called nor a settings
    # module named would raise; that simply means Django is not in use.
    if not (settings.configured or os.environ.get("DJANGO_SETTINGS_MODULE")):
        return default
    try:
        return getattr(settings, name, default)
    except (ImproperlyConfigured, ImportError):
        return default
