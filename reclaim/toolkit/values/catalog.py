"""The values a member sorts: a fixed list, each with a stable code.

Codes are stored (sealed) in a member's sorts and read by other tools, so
a code never changes once it is here. A name or a description may be
reworded; a value may be added at the end.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Value:
    code: str
    name: str
    description: str


VALUES: tuple[Value, ...] = (
    Value("honesty", "Honesty", "Saying what is true, and being told the truth."),
    Value("loyalty", "Loyalty", "Standing by the people I have chosen, and them by me."),
    Value("respect", "Respect", "Being treated as someone whose feelings count."),
    Value("kindness", "Kindness", "Gentleness towards others and towards myself."),
    Value("freedom", "Freedom", "Room to make my own choices about my life."),
    Value("family", "Family", "The people I call my own, however that looks."),
    Value("faith", "Faith", "A belief or practice that holds me up."),
    Value("security", "Security", "Feeling safe, with solid ground under my feet."),
    Value("growth", "Growth", "Becoming more fully myself over time."),
    Value("fairness", "Fairness", "Everyone getting an even share and an even hearing."),
    Value("courage", "Courage", "Doing what is right for me even when I am afraid."),
    Value("independence", "Independence", "Being able to stand on my own."),
    Value("creativity", "Creativity", "Making things, and seeing things in new ways."),
    Value("health", "Health", "Looking after my body and my mind."),
    Value("calm", "Calm", "Quiet, steady days and a settled mind."),
    Value("fun", "Fun", "Play, lightness and things that make me laugh."),
    Value("belonging", "Belonging", "Being part of something, and welcome there."),
    Value("adventure", "Adventure", "New places, new things, a little daring."),
    Value("learning", "Learning", "Understanding more, and staying curious."),
    Value("generosity", "Generosity", "Giving my time, care or things freely."),
    Value("home", "Home", "A place where I can rest and be myself."),
    Value("humour", "Humour", "Finding what is funny, even on hard days."),
    Value("nature", "Nature", "Time outdoors, with living things around me."),
    Value("justice", "Justice", "Wrongs being named and put right."),
    Value("self-respect", "Self-respect", "Treating my own needs as worth meeting."),
    Value("trust", "Trust", "Being able to rely on someone, and be relied on."),
    Value("tenderness", "Tenderness", "Closeness, touch and soft care."),
    Value("stability", "Stability", "Things I can count on from one week to the next."),
    Value("meaningful-work", "Work that matters", "Spending my days on something worthwhile."),
    Value("community", "Community", "Neighbours, friends and groups I am part of."),
)

_BY_CODE = {value.code: value for value in VALUES}


def get_value(code: object) -> Value | None:
    return _BY_CODE.get(code) if isinstance(code, str) else None


def name_of(code: object) -> str:
    """The value's name, or an empty string for a code that is not (or no longer) here."""
    value = get_value(code)
    return value.name if value else ""
