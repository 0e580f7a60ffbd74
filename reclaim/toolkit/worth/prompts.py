"""Gentle starting points for the inventory, for when a blank box feels like too much.

Codes are stable: they may appear in links (`?prompt=`), never in the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import ACCOMPLISHMENT, STRENGTH


@dataclass(frozen=True)
class Prompt:
    code: str
    kind: str
    text: str


PROMPTS: tuple[Prompt, ...] = (
    Prompt("strength-friend", STRENGTH, "What would a good friend say you are good at?"),
    Prompt("strength-asked", STRENGTH, "Something people come to you for"),
    Prompt("strength-quiet", STRENGTH, "A quiet quality of yours that often goes unnoticed"),
    Prompt("strength-hands", STRENGTH, "Something you can do with your hands or your head"),
    Prompt("done-through", ACCOMPLISHMENT, "Something you got through"),
    Prompt("done-thanked", ACCOMPLISHMENT, "Something someone thanked you for"),
    Prompt("done-learned", ACCOMPLISHMENT, "Something you learned, at any age"),
    Prompt("done-small", ACCOMPLISHMENT, "A small thing you did today that took effort"),
    Prompt("done-proud", ACCOMPLISHMENT, "A moment you felt quietly proud of yourself"),
)

_BY_CODE = {prompt.code: prompt for prompt in PROMPTS}


def get_prompt(code: object, kind: str | None = None) -> Prompt | None:
    """The prompt with this code (of this kind, if given), or None."""
    prompt = _BY_CODE.get(str(code or ""))
    if prompt is None or (kind is not None and prompt.kind != kind):
        return None
    return prompt


def prompts_for(kind: str) -> list[Prompt]:
    return [prompt for prompt in PROMPTS if prompt.kind == kind]
