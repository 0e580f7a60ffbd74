"""One next step to offer after a check-in, chosen from its five numbers.

Offering one thing, not a menu, keeps the moment after a check-in short for
someone who is tired. The heaviest scale decides: a scale is heavy when it
sits at 7 or more on its hard side (anxiety or anger 7+, mood, sleep or
self-worth 3 or less). When two are equally heavy, the order of `_ORDER`
decides, racing thoughts first, because they make everything else harder.
A scale not rated (None) is left out: it cannot be heavy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .models import SCALE_MAX, SCALES, CheckIn

HEAVY = 7


@dataclass(frozen=True)
class Suggestion:
    key: str
    heading: str
    # Why this tool, in plain words: the member should see the reason, not
    # just a button.
    text: str
    link_text: str
    # The URL name of the page the suggestion opens: a toolkit tool's page
    # (see reclaim.toolkit.registry), or the member's month.
    url_name: str
    # A guided journal prompt offered as the quieter second choice, for
    # someone who would rather write (a code of reclaim.journal.prompts).
    prompt_code: str = ""


# Each suggestion is found by its key, so the key is written once, in the entry.
SUGGESTIONS: dict[str, Suggestion] = {
    suggestion.key: suggestion
    for suggestion in (
        Suggestion(
            key="anxiety",
            heading="Your thoughts sound busy",
            text="Racing thoughts are the body staying on alert. Naming a few things you can "
            "see, hear and touch can bring you back into the room, one step at a time.",
            link_text="Ground yourself, step by step",
            url_name="calm:grounding",
            prompt_code="heard-01",
        ),
        Suggestion(
            key="anger",
            heading="Anger makes sense after what happened",
            text="It is not a flaw in you. A few minutes of cooling down can let the wave "
            "pass without it costing you anything.",
            link_text="Try a cool-down",
            url_name="anger:cool_down",
            prompt_code="anger-03",
        ),
        Suggestion(
            key="self_worth",
            heading="What happened is not a measure of your worth",
            text="On a day like this, it can help to read the evidence you have gathered that "
            "you are enough, or to add one small piece to it.",
            link_text="Open your evidence",
            url_name="worth:index",
            prompt_code="worth-04",
        ),
        Suggestion(
            key="sleep",
            heading="A short night makes everything heavier",
            text="Go gently with yourself today. A few minutes of slow breathing can settle "
            "a tired body, and you can stop whenever you like.",
            link_text="Breathe slowly for a few minutes",
            url_name="calm:breathe",
            prompt_code="body-02",
        ),
        Suggestion(
            key="mood",
            heading="Today sounds hard",
            text="A short kindness break could help: three small steps, about three minutes, "
            "speaking to yourself the way you would to a good friend who felt like this.",
            link_text="Take a kindness break",
            url_name="compassion:break",
            prompt_code="compassion-01",
        ),
        Suggestion(
            key="steady",
            heading="A steadier day",
            text="It can help to look back and see how the days have moved.",
            link_text="See your month",
            url_name="progress:today",
        ),
    )
}

_ORDER = ("anxiety", "anger", "self_worth", "sleep", "mood")
_DIRECTION = {scale.name: scale.higher_is_better for scale in SCALES}


def heaviness(name: str, value: float) -> float:
    """How hard a number is, 0 (easy) to 10 (very hard), whichever way the scale runs."""
    return SCALE_MAX - value if _DIRECTION[name] else value


def suggest_for(values: Mapping[str, float | None]) -> Suggestion:
    """The suggestion for five numbers (one check-in's, or a day's averages)."""
    weights = {
        name: heaviness(name, value) for name in _ORDER if (value := values.get(name)) is not None
    }
    # max keeps the first of equals; the dict keeps the order of _ORDER.
    heaviest = max(weights, key=lambda name: weights[name], default=None)
    if heaviest is not None and weights[heaviest] >= HEAVY:
        return SUGGESTIONS[heaviest]
    return SUGGESTIONS["steady"]


def suggest_next_step(checkin: CheckIn) -> Suggestion:
    return suggest_for(checkin.scale_values)
