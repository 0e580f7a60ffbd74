"""The three short steps of a self-compassion break, in our own words.

Each step has one optional box; the member may write in it, or simply read
and move on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    number: int
    field: str  # the form field this step's box fills
    title: str
    lines: tuple[str, ...]
    label: str
    help: str


STEPS: tuple[Step, ...] = (
    Step(
        1,
        "notice",
        "Notice that this hurts",
        (
            "Take one slow breath, and let it out a little more slowly.",
            "Notice what you are feeling, and where it sits in your body: a tight chest, "
            "a heavy stomach, a lump in the throat.",
            "You could say to yourself, quietly: “This is a hard moment. This really hurts.” "
            "Naming it is not giving in to it.",
        ),
        "What you notice",
        "A word or two is enough: “ache in my chest”, “numb”, “angry”.",
    ),
    Step(
        2,
        "common",
        "You are not alone in this",
        (
            "Many people have sat where you are sitting: shocked, doubting themselves, "
            "unable to sleep. Pain like this is part of being human.",
            "It is not a sign that something is wrong with you, and it is not a measure of your worth.",
            "You could say: “Other people feel this too. I am not the only one.”",
        ),
        "Who or what reminds you that you are not alone",
        "Someone who understood, a group, a line you read. Or leave it empty.",
    ),
    Step(
        3,
        "kindness",
        "Offer yourself some kindness",
        (
            "If it feels right, rest a hand somewhere comforting: over your heart, on your "
            "cheek, or on your arm.",
            "Then offer yourself the words you would give a dear friend in the same place. "
            "“May I be gentle with myself.” “I am doing the best I can.” “I deserve care too.”",
            "If kind words feel out of reach today, that is all right. Wishing you could "
            "feel them is a start.",
        ),
        "Your kind words or gesture",
        "Whatever you would say to a friend you love.",
    ),
)

FIELDS = tuple(step.field for step in STEPS)
END = len(STEPS) + 1  # the screen after the last step, where the member may save
