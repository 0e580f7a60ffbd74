"""The four areas of self-care and the small activities we suggest for each.

Codes are stable: they are kept (sealed) with the member's plan and log, so
a suggestion's words can be improved without touching anyone's history.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    blurb: str


@dataclass(frozen=True)
class Suggestion:
    code: str
    area: str
    label: str  # on the plan and the button: what the member does
    done: str  # in the weekly words: "This week you made time for: <done>"


AREAS: tuple[Area, ...] = (
    Area("joy", "Joy", "Small things that lift you, even a little."),
    Area("calm", "Calm", "Moments to slow down and be where you are."),
    Area("body", "Your body", "Rest, food and movement for the body that carries you."),
    Area("connection", "Connection", "Time with people, or creatures, who steady you."),
)

SUGGESTIONS: tuple[Suggestion, ...] = (
    Suggestion("joy-song", "joy", "Listen to a song I love", "a favourite song"),
    Suggestion("joy-outside", "joy", "Spend a few minutes outside", "time outside"),
    Suggestion("joy-make", "joy", "Make, draw or cook something", "making something"),
    Suggestion("joy-read", "joy", "Read something I enjoy", "reading for fun"),
    Suggestion("joy-treat", "joy", "Have a small treat", "a small treat"),
    Suggestion("calm-breathe", "calm", "Breathe slowly for three minutes", "slow breathing"),
    Suggestion("calm-notice", "calm", "Notice five things around me", "noticing the moment"),
    Suggestion("calm-write", "calm", "Write a few lines", "writing"),
    Suggestion("calm-drink", "calm", "Sit quietly with a warm drink", "a quiet warm drink"),
    Suggestion("calm-phone", "calm", "Put my phone away for an hour", "an hour without your phone"),
    Suggestion("body-walk", "body", "Go for a short walk", "a walk"),
    Suggestion("body-meal", "body", "Eat a proper meal, sitting down", "a proper meal"),
    Suggestion("body-water", "body", "Drink a glass of water", "water"),
    Suggestion("body-sleep", "body", "Go to bed a little earlier", "an early night"),
    Suggestion("body-stretch", "body", "Stretch for five minutes", "stretching"),
    Suggestion("body-bath", "body", "Have a warm shower or bath", "a warm shower or bath"),
    Suggestion("connect-call", "connection", "Call a friend", "calling a friend"),
    Suggestion(
        "connect-message",
        "connection",
        "Send a message to someone I trust",
        "a message to someone you trust",
    ),
    Suggestion("connect-meet", "connection", "Meet someone for a coffee", "coffee with someone"),
    Suggestion("connect-group", "connection", "Go to a group or a class", "a group or a class"),
    Suggestion("connect-pet", "connection", "Spend time with a pet", "time with a pet"),
)

_AREA = {area.code: area for area in AREAS}
_SUGGESTION = {suggestion.code: suggestion for suggestion in SUGGESTIONS}
AREA_CODES = tuple(_AREA)


def get_suggestion(code: object) -> Suggestion | None:
    return _SUGGESTION.get(str(code or ""))


def suggestion(code: str) -> Suggestion:
    """A suggestion whose code is known to exist; an unknown one is a mistake (KeyError)."""
    return _SUGGESTION[code]


def suggestions_for(area: str) -> list[Suggestion]:
    return [suggestion for suggestion in SUGGESTIONS if suggestion.area == area]
