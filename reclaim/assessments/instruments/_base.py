"""The shared shape of a questionnaire, and the generic scoring steps.

Each instrument module only declares data with these classes. Everything that
is the same for every questionnaire (checking answers, reversing items,
summing, averaging, finding the band) lives here once, so a new instrument
cannot get it subtly wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

Number = int | float


class ScoreKind(StrEnum):
    """How the headline number is made from the sum after reversal."""

    SUM = "sum"
    MEAN = "mean"
    PERCENTAGE = "percentage"


class BandBasis(StrEnum):
    """Which number the band ranges are written on.

    Mean-scored scales band on the integer sum, because comparing rounded
    floats at an edge such as 2.5 invites off-by-one-step mistakes. WHO-5
    bands on the percentage, because that is how its cut-offs are published.
    """

    RAW_SUM = "raw_sum"
    SCORE = "score"


class LicenceStatus(StrEnum):
    PUBLIC_DOMAIN = "public_domain"
    FREE_NO_PERMISSION = "free_no_permission"
    FREE_WITH_CITATION = "free_with_citation"
    RESEARCH_EDUCATION_ONLY = "research_education_only"
    UNCLEAR = "unclear"


class AnswerError(ValueError):
    """An answer list that cannot be scored.

    ``item`` is the 1-based item number the message is about, so a form can
    point the member at the right question. The message never repeats the
    answer itself: answers are sensitive and error messages can end up in logs.
    """

    def __init__(self, item: int | None, message: str) -> None:
        self.item = item
        super().__init__(f"item {item}: {message}" if item is not None else message)


@dataclass(frozen=True)
class Option:
    """One answer choice. ``label`` is the official wording.

    A blank label means the official form prints only the number at that
    point of the scale (the SCS-SF labels only its two ends).
    """

    value: int
    label: str

    @property
    def display_label(self) -> str:
        return self.label or str(self.value)


@dataclass(frozen=True)
class Item:
    """One question, numbered as in the published form (1-based)."""

    number: int
    text: str
    reverse: bool = False
    group: str = ""


@dataclass(frozen=True)
class Band:
    """A range of scores with member-facing words.

    ``low`` and ``high`` are inclusive and written on the instrument's
    ``band_basis``. ``label`` and ``explanation`` are shown to the member, so
    they are plain and warm, and they never name a diagnosis.
    """

    code: str
    low: Number
    high: Number
    label: str
    explanation: str

    def contains(self, value: Number) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Flag:
    """Something worth acting on that the total alone would hide.

    ``rule`` receives the validated raw answers (before any reversal) in item
    order. ``description`` is plain words for the member or their practitioner.
    """

    code: str
    description: str
    rule: Callable[[tuple[int, ...]], bool] = field(repr=False, compare=False)


@dataclass(frozen=True)
class UnscoredQuestion:
    """A question printed on the official form that does not count to the score."""

    text: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Licence:
    """Whether and how we may use the instrument, with the credit its authors ask for."""

    status: LicenceStatus
    summary: str
    source: str
    attribution: str


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str
    short_name: str
    # A neutral, plain name for screens, so a glance at the page does not
    # reveal what the member is being asked about.
    plain_name: str
    time_frame: str
    # The official instructions, word for word. Paper forms sometimes say
    # "circle"; ``screen_instructions`` carries our marked adaptation for a
    # screen where that matters, and is empty when the official text works.
    instructions: str
    items: tuple[Item, ...]
    options: tuple[Option, ...]
    score_kind: ScoreKind
    score_range: tuple[Number, Number]
    bands: tuple[Band, ...]
    higher_is_better: bool
    retake_interval_days: int
    enabled_by_default: bool
    licence: Licence
    band_basis: BandBasis = BandBasis.RAW_SUM
    bands_source: str = ""
    # Set when the bands are only a convention (RSES), so the screen can say
    # "commonly used, not official" beside them.
    bands_official: bool = True
    stem: str = ""
    screen_instructions: str = ""
    flags: tuple[Flag, ...] = ()
    change_threshold: int | None = None
    change_source: str = ""
    # Instruments with a configurable two-band split (PCL-5) name the Django
    # setting and its default; the declared bands are written for the default.
    cutpoint_setting: str | None = None
    default_cutpoint: int | None = None
    # The published line between the clinical and the non-clinical range, on
    # the headline score, for clinically significant change (scoring.py). The
    # line itself is in the clinical range: "10 or more" when higher is worse,
    # "50 or less" when higher is better. None when no cut-off is published;
    # an instrument with a cut-point setting (PCL-5) uses that instead.
    clinical_cutoff: Number | None = None
    clinical_cutoff_source: str = ""
    unscored_questions: tuple[UnscoredQuestion, ...] = ()
    notes: str = ""
    order: int = 100
    # One plain, warm sentence for the list of questionnaires: what it asks
    # about and over what time. Member-facing, so it names no diagnosis.
    about: str = ""

    def __post_init__(self) -> None:
        # Checking the definition when the module is imported means a typo in
        # a band edge fails every test run at once instead of mis-scoring a
        # member later.
        problems = list(self._definition_problems())
        if problems:
            raise ValueError(f"{self.code}: " + "; ".join(problems))

    # --- derived facts -------------------------------------------------

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def min_value(self) -> int:
        return min(option.value for option in self.options)

    @property
    def max_value(self) -> int:
        return max(option.value for option in self.options)

    @property
    def reverse_items(self) -> tuple[int, ...]:
        return tuple(item.number for item in self.items if item.reverse)

    @property
    def raw_range(self) -> tuple[int, int]:
        return (self.item_count * self.min_value, self.item_count * self.max_value)

    @property
    def has_clinical_cutoff(self) -> bool:
        """Whether a published cut-off divides the clinical from the non-clinical range."""
        return self.clinical_cutoff is not None or self.cutpoint_setting is not None

    @property
    def band_codes(self) -> tuple[str, ...]:
        return tuple(band.code for band in self.bands)

    @property
    def flag_codes(self) -> tuple[str, ...]:
        return tuple(flag.code for flag in self.flags)

    def band(self, code: str) -> Band:
        for band in self.bands:
            if band.code == code:
                return band
        raise ValueError(f"{self.code} has no band {code!r}")

    # --- scoring steps -------------------------------------------------

    def validate(self, answers: Iterable[object]) -> tuple[int, ...]:
        """Return the answers as a tuple of ints, or raise AnswerError.

        Every item is required and nothing is prorated: none of these
        instruments publishes a rule for missing answers, and guessing one
        could hide exactly the answer that mattered.
        """
        if answers is None or isinstance(answers, str | bytes):
            raise AnswerError(None, f"{self.short_name} answers must be a list of numbers.")
        try:
            values = tuple(answers)
        except TypeError:
            raise AnswerError(
                None, f"{self.short_name} answers must be a list of numbers."
            ) from None
        low, high = self.min_value, self.max_value
        checked: list[int] = []
        for number, value in enumerate(values[: self.item_count], start=1):
            if value is None:
                raise AnswerError(
                    number,
                    "no answer was given. Every item is needed; "
                    "a score is never estimated from part of the answers.",
                )
            # bool is a subclass of int, but True/False as an answer means a
            # form sent the wrong thing, so it is refused rather than read as 1/0.
            if isinstance(value, bool) or not isinstance(value, int):
                raise AnswerError(
                    number, f"the answer must be a whole number from {low} to {high}."
                )
            if not low <= value <= high:
                raise AnswerError(number, f"the answer is outside the scale of {low} to {high}.")
            checked.append(value)
        if len(values) < self.item_count:
            raise AnswerError(
                len(values) + 1,
                f"no answer was given. {self.short_name} has {self.item_count} items "
                f"and only {len(values)} answers arrived.",
            )
        if len(values) > self.item_count:
            raise AnswerError(
                self.item_count + 1,
                f"{self.short_name} has only {self.item_count} items, "
                f"but {len(values)} answers arrived.",
            )
        return tuple(checked)

    def reversed_values(self, answers: Sequence[int]) -> tuple[int, ...]:
        """Apply reverse scoring: a reversed item's value v becomes min + max - v."""
        flip = self.min_value + self.max_value
        return tuple(
            flip - value if item.reverse else value
            for item, value in zip(self.items, answers, strict=True)
        )

    def raw_sum(self, answers: Sequence[int]) -> int:
        return sum(self.reversed_values(answers))

    def headline(self, raw_sum: int) -> Number:
        """The number as the instrument's manual reports it."""
        if self.score_kind is ScoreKind.SUM:
            return raw_sum
        if self.score_kind is ScoreKind.MEAN:
            # Decimal with half-up rounding, so the displayed mean never
            # depends on how a float happens to be stored.
            mean = (Decimal(raw_sum) / Decimal(self.item_count)).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )
            return float(mean)
        # Percentage of the best possible score; the definition check ensures
        # this divides exactly (WHO-5: raw x 4).
        return raw_sum * 100 // self.raw_range[1]

    def bands_for(self, cutpoint: int | None = None) -> tuple[Band, ...]:
        """The bands, with a two-band split moved to ``cutpoint`` when given."""
        if cutpoint is None or self.cutpoint_setting is None:
            return self.bands
        self.check_cutpoint(cutpoint)
        below, above = self.bands
        return (replace(below, high=cutpoint - 1), replace(above, low=cutpoint))

    def check_cutpoint(self, cutpoint: object) -> int:
        if self.cutpoint_setting is None:
            raise ValueError(f"{self.short_name} has no cut-point to set.")
        low, high = self.raw_range
        if isinstance(cutpoint, bool) or not isinstance(cutpoint, int):
            raise ValueError(
                f"The {self.short_name} cut-point ({self.cutpoint_setting}) must be a "
                f"whole number from {low + 1} to {high}."
            )
        if not low < cutpoint <= high:
            raise ValueError(
                f"The {self.short_name} cut-point ({self.cutpoint_setting}) must be "
                f"from {low + 1} to {high}."
            )
        return cutpoint

    def band_value(self, raw_sum: int) -> Number:
        return raw_sum if self.band_basis is BandBasis.RAW_SUM else self.headline(raw_sum)

    def band_for(self, raw_sum: int, cutpoint: int | None = None) -> Band:
        value = self.band_value(raw_sum)
        for band in self.bands_for(cutpoint):
            if band.contains(value):
                return band
        # The definition check makes this unreachable for valid answers.
        raise ValueError(f"{self.code}: no band covers {value}")

    def flags_for(self, answers: tuple[int, ...]) -> frozenset[str]:
        return frozenset(flag.code for flag in self.flags if flag.rule(answers))

    # --- definition check ----------------------------------------------

    def _definition_problems(self) -> Iterable[str]:
        if not self.items:
            yield "no items"
            return
        if [item.number for item in self.items] != list(range(1, len(self.items) + 1)):
            yield "items must be numbered 1, 2, 3 … in order"
        if any(not item.text.strip() for item in self.items):
            yield "an item has no text"
        values = sorted(option.value for option in self.options)
        if not values or values != list(range(values[0], values[-1] + 1)):
            yield "option values must be distinct whole numbers with no gaps"
            return
        low, high = self.raw_range
        if self.score_kind is ScoreKind.PERCENTAGE and (low != 0 or 100 % high):
            yield "a percentage score needs a raw range of 0 to a divisor of 100"
            return
        if tuple(self.score_range) != (self.headline(low), self.headline(high)):
            yield (
                f"declared range {self.score_range} does not match "
                f"{(self.headline(low), self.headline(high))}"
            )
        if len(set(self.band_codes)) != len(self.bands):
            yield "band codes must be unique"
        if len(set(self.flag_codes)) != len(self.flags):
            yield "flag codes must be unique"
        if any(not (band.label.strip() and band.explanation.strip()) for band in self.bands):
            yield "every band needs a label and an explanation"
        if self.cutpoint_setting is not None:
            if len(self.bands) != 2 or self.default_cutpoint is None:
                yield "a cut-point instrument needs exactly two bands and a default"
                return
            if self.bands[1].low != self.default_cutpoint:
                yield "the declared bands must split at the default cut-point"
        # Every reachable score must land in exactly one band, and every band
        # must be reachable; WHO-5 percentages step by 4, so this walks the
        # reachable raw sums instead of assuming the bands touch.
        reached: set[str] = set()
        for raw in range(low, high + 1):
            value = self.band_value(raw)
            hits = [band.code for band in self.bands if band.contains(value)]
            if len(hits) != 1:
                yield f"score {value} falls in {len(hits)} bands"
            reached.update(hits)
        if reached != set(self.band_codes):
            yield "a band can never be reached"
        if self.clinical_cutoff is not None and self.cutpoint_setting is not None:
            yield "a cut-point instrument takes its clinical cut-off from the cut-point"
        if self.clinical_cutoff is not None and not (
            self.score_range[0] < self.clinical_cutoff < self.score_range[1]
        ):
            yield "the clinical cut-off must lie inside the score range"
        if self.clinical_cutoff is not None and not self.clinical_cutoff_source.strip():
            yield "a clinical cut-off needs its source"
        if self.change_threshold is not None and self.change_threshold <= 0:
            yield "a change threshold must be positive"
        if self.retake_interval_days <= 0:
            yield "the retake interval must be positive"
        if not (self.licence.summary.strip() and self.licence.attribution.strip()):
            yield "the licence needs a summary and an attribution"
        if not self.about.strip():
            yield "the instrument needs an 'about' sentence for the member"


def numbered_items(
    texts: Sequence[str],
    *,
    reverse: Iterable[int] = (),
    groups: Mapping[str, Iterable[int]] | None = None,
) -> tuple[Item, ...]:
    """Build items from texts in published order, marking reversed and grouped items by number."""
    reversed_numbers = set(reverse)
    group_of = {number: name for name, numbers in (groups or {}).items() for number in numbers}
    return tuple(
        Item(
            number=number,
            text=text,
            reverse=number in reversed_numbers,
            group=group_of.get(number, ""),
        )
        for number, text in enumerate(texts, start=1)
    )
