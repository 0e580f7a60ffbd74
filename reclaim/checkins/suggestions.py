"""One next step to offer after a check-in, chosen from its five numbers.

Offering one thing, not a menu, keeps the moment after a check-in short for
someone who is tired. The heaviest scale decides: a scale is heavy when it
sits at 7 or more on its hard side (anxiety or anger 7+, mood, sleep or
self-worth 3 or less). When two are equally heavy, the order of `_ORDER`
decides, racing thoughts first, because they make everything else harder.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import SCALE_MAX, SCALES, CheckIn

HEAVY = 7


@dataclass(frozen=True)
class Suggestion:
    key: str
    heading: str
    text: str
    link_text: str
    # "journal" links to a new journal entry, opened on the guided prompt
    # `prompt_code` (a code of reclaim.journal.prompts) when there is one;
    # "progress" links to the member's month.
    destination: str
    prompt_code: str = ""


# Each suggestion is found by its key, so the key is written once, in the entry.
SUGGESTIONS: dict[str, Suggestion] = {
    suggestion.key: suggestion
    for suggestion in (
        Suggestion(
            key="anxiety",
            heading="Your thoughts sound busy",
            text="If it helps, you could write down what is racing. On the page it can wait, "
            "and you can come back to it when you choose.",
            link_text="Write down what's racing",
            destination="journal",
        ),
        Suggestion(
            key="anger",
            heading="Anger makes sense after what happened",
            text="It is not a flaw in you. You could let it out on the page, "
            "where it cannot hurt anyone, you included.",
            link_text="Write it out",
            destination="journal",
            prompt_code="anger-03",
        ),
        Suggestion(
            key="self_worth",
            heading="What happened is not a measure of your worth",
            text="If you have a few minutes, this question might help.",
            link_text="Write about your worth",
            destination="journal",
            prompt_code="worth-04",
        ),
        Suggestion(
            key="sleep",
            heading="A short night makes everything heavier",
            text="Go gently with yourself today. If it helps, you could write about how "
            "you have been sleeping, kindly, as something to notice and not a grade.",
            link_text="Write about your sleep",
            destination="journal",
            prompt_code="body-02",
        ),
        Suggestion(
            key="mood",
            heading="Today sounds hard",
            text="You could try speaking to yourself the way you would to a good friend "
            "who felt like this.",
            link_text="Write a few kind words",
            destination="journal",
            prompt_code="compassion-01",
        ),
        Suggestion(
            key="steady",
            heading="A steadier day",
            text="It can help to look back and see how the days have moved.",
            link_text="See your month",
            destination="progress",
        ),
    )
}

_ORDER = ("anxiety", "anger", "self_worth", "sleep", "mood")
_DIRECTION = {scale.name: scale.higher_is_better for scale in SCALES}


def heaviness(name: str, value: int) -> int:
    """How hard a number is, 0 (easy) to 10 (very hard), whichever way the scale runs."""
    return SCALE_MAX - value if _DIRECTION[name] else value


def suggest_next_step(checkin: CheckIn) -> Suggestion:
    weights = {name: heaviness(name, getattr(checkin, name)) for name in _ORDER}
    heaviest = max(_ORDER, key=lambda name: weights[name])  # max keeps the first of equals
    if weights[heaviest] >= HEAVY:
        return SUGGESTIONS[heaviest]
    return SUGGESTIONS["steady"]
