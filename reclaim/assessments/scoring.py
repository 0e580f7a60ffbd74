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
from .instruments._base import Number

__all__ = [
    "IMPROVED",
    "NO_RELIABLE_CHANGE",
    "WORSENED",
    "CLINICAL_CHANGE_RULE",
    "CLINICALLY_IMPROVED",
    "CLINICALLY_WORSENED",
    "NOT_CLINICALLY_SIGNIFICANT",
    "AnswerError",
    "Change",
    "ClinicalChange",
    "Score",
    "UnknownInstrument",
    "change",
    "clinical_change",
    "clinical_line",
    "clinical_range_words",
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


ClinicalChange = Literal["clinically_improved", "clinically_worsened", "not_clinically_significant"]
CLINICALLY_IMPROVED: ClinicalChange = "clinically_improved"
CLINICALLY_WORSENED: ClinicalChange = "clinically_worsened"
NOT_CLINICALLY_SIGNIFICANT: ClinicalChange = "not_clinically_significant"

# The rule below in plain words, for whoever is shown its verdict.
CLINICAL_CHANGE_RULE = (
    "A change is clinically significant (Jacobson and Truax, 1991) when two things are "
    "both true: it is a reliable change, bigger than the questionnaire's measurement "
    "error, and the score has crossed the questionnaire's published cut-off, from the "
    "clinical range into the non-clinical range (an improvement) or back into the "
    "clinical range (a deterioration). A questionnaire without a published cut-off or "
    "a published reliable-change threshold cannot show it, so it is not guessed."
)


def clinical_line(instrument: Instrument, cutpoint: int | None = None) -> Number | None:
    """The first score inside the clinical range, counting from the non-clinical side.

    An instrument with a cut-point setting (PCL-5) uses ``cutpoint`` (the one a
    result was scored with) or, without one, the configured cut-point. None
    when no cut-off is published.
    """
    if instrument.cutpoint_setting is not None:
        return cutpoint if cutpoint is not None else configured_cutpoint(instrument)
    return instrument.clinical_cutoff


def _in_clinical_range(instrument: Instrument, value: Number, line: Number) -> bool:
    return value <= line if instrument.higher_is_better else value >= line


def clinical_change(code: str, before: Score, after: Score) -> ClinicalChange | None:
    """Whether ``before`` to ``after`` is a clinically significant change (Jacobson & Truax).

    Improvement: a reliable improvement that moves the score from the clinical
    into the non-clinical range. Deterioration: a reliable worsening that moves
    it from the non-clinical into the clinical range. Any other pair is
    ``NOT_CLINICALLY_SIGNIFICANT``. None when the instrument has no published
    reliable-change threshold or no published cut-off: nothing is guessed.
    Both scores are judged against one line, the one the later result was
    scored with (a PCL-5 cut-point changed in between does not move it twice).
    """
    reliable = change(code, before, after)
    instrument = get(code)
    line = clinical_line(instrument, after.cutpoint)
    if reliable is None or line is None:
        return None
    was = _in_clinical_range(instrument, before.score, line)
    now = _in_clinical_range(instrument, after.score, line)
    if reliable == IMPROVED and was and not now:
        return CLINICALLY_IMPROVED
    if reliable == WORSENED and not was and now:
        return CLINICALLY_WORSENED
    return NOT_CLINICALLY_SIGNIFICANT


def clinical_range_words(instrument: Instrument) -> str:
    """Where the clinical range starts, in plain words: "10 or more", "50 or less".

    Empty when no cut-off is published.
    """
    line = clinical_line(instrument)
    if line is None:
        return ""
    return f"{line:g} or less" if instrument.higher_is_better else f"{line:g} or more"


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
