"""How a number, a change, a period and a day are shown: one home for each.

Today, Progress, the charts, the PDF summary and the toolkit pages all show
averages of the same check-ins. If each rounded in its own way, the same
average could read 6.2 on one page and 6.3 on the next, and a member would
rightly wonder which is true. So every page imports these functions.

The rounding rule: a shown number has one decimal, rounded **half up** on
its decimal value, the way people round by hand: 6.25 reads "6.3", 6.35
reads "6.4", -6.25 reads "-6.3" (half away from zero). Python's float
formatting would give "6.2" for 6.25 (it rounds half to even) and "6.3" for
6.35 (the float just below 6.35), which is why nothing here uses it. A value
is first written as the shortest decimal that names its float (``repr``), so
6.35 counts as 6.35, as the member would read it, not as 6.3499999….

Two styles share that rule:

- ``one_decimal`` always shows the decimal ("6.0"): averages, whose columns
  line up and whose ".0" says "this is an average";
- ``figure`` drops a ".0" ("6", "6.3"): single values, chart ticks and table
  cells, where most numbers are whole.

``None`` is "not there" (a day without a check-in, a scale left unrated)
and shows as a dash in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

# What a missing value shows as: a dash reads as "nothing", a 0 would lie.
MISSING = "–"

_STEPS = {places: Decimal(1).scaleb(-places) for places in range(4)}


def half_up(value: float | int | Decimal, places: int = 1) -> Decimal:
    """``value`` rounded half up (away from zero) to ``places`` decimals."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return exact.quantize(_STEPS[places], rounding=ROUND_HALF_UP)


def rounded(value: float | int | Decimal) -> float:
    """``value`` rounded as it is shown, as a float: for numbers kept and compared."""
    return float(half_up(value))


def one_decimal(value: float | int | Decimal | None) -> str:
    """6 → "6.0", 6.25 → "6.3", None → "–": an average, always with its decimal."""
    if value is None:
        return MISSING
    return str(half_up(value) + 0)  # "+ 0" turns a "-0.0" into "0.0"


def figure(value: float | int | Decimal | None) -> str:
    """4 → "4", 4.25 → "4.3", None → "–": one value, without a needless ".0"."""
    if value is None:
        return MISSING
    text = one_decimal(value)
    return text[:-2] if text.endswith(".0") else text


def two_decimals(value: float | int | Decimal) -> str:
    """3.125 → "3.13": a questionnaire scored as a mean of its items, as manuals print it."""
    return str(half_up(value, 2) + 0)


# --- changes ------------------------------------------------------------------

UP = "up from"
DOWN = "down from"
SAME = "about the same as"


def change_words(now: float | Decimal, then: float | Decimal) -> str:
    """ "up from 4.2", "down from 4.2" or "about the same as 4.2", comparing as shown.

    The two averages are compared after rounding, so the words never say
    "up from 4.2" beside a 4.2 that only differs in a hidden decimal.
    """
    shown_now, shown_then = half_up(now), half_up(then)
    if shown_now > shown_then:
        words = UP
    elif shown_now < shown_then:
        words = DOWN
    else:
        words = SAME
    return f"{words} {one_decimal(then)}"


# --- periods ------------------------------------------------------------------


def period_label(days: int) -> str:
    """The words on a period's button: "30 days", "A year"."""
    return "A year" if days == 365 else f"{days} days"


def period_words(days: int) -> str:
    """The period inside a sentence: "the last 30 days", "the last year"."""
    return "the last year" if days == 365 else f"the last {days} days"


@dataclass(frozen=True)
class Periods:
    """The periods a page offers (in days) and the one it shows when none is chosen."""

    choices: tuple[int, ...]
    default: int

    def __post_init__(self) -> None:
        if self.default not in self.choices:
            raise ValueError("The default period must be one of the choices.")

    def chosen(self, value: object) -> int:
        """The ?days= choice, or the default for anything else (a typo is not an error)."""
        try:
            days = int(str(value))
        except ValueError:
            return self.default
        return days if days in self.choices else self.default

    @property
    def buttons(self) -> list[tuple[int, str]]:
        """Each choice with its button words, for a row of period buttons."""
        return [(days, period_label(days)) for days in self.choices]


# --- days ---------------------------------------------------------------------


def format_day(day: date, with_year: bool = True) -> str:
    """ "Sun 1 Mar 2026", or "Sun 1 Mar" where the year goes without saying: a table's date."""
    text = f"{day:%a} {day.day} {day:%b}"
    return f"{text} {day.year}" if with_year else text


def full_day(day: date) -> str:
    """ "Sunday 1 March 2026": a day heading a list item or a page.

    The same words as the template filter `date:"l j F Y"`, at a fraction of
    its cost: lists print it once per row.
    """
    return f"{day:%A} {day.day} {day:%B} {day.year:04d}"


def clock(moment: datetime) -> str:
    """ "14:05": the time of day of a moment already in the member's zone."""
    return f"{moment:%H:%M}"


def long_day(day: date, with_year: bool = True) -> str:
    """ "1 March 2026", or "1 March": a day inside a sentence."""
    text = f"{day.day} {day:%B}"
    return f"{text} {day.year}" if with_year else text
