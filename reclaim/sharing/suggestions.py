"""What a practitioner may suggest to a client: a questionnaire, a lesson or a tool.

One list, made from each app's own catalogue, so a suggestion always names
something the member can open, and its words and address are worked out
here for both sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from reclaim.assessments import queries as assessments
from reclaim.learn.lessons import all_lessons
from reclaim.toolkit.registry import TOOLS

QUESTIONNAIRE = "questionnaire"
LESSON = "lesson"
TOOL = "tool"
KINDS = {QUESTIONNAIRE: "Questionnaires", LESSON: "Lessons", TOOL: "Tools"}


@dataclass(frozen=True)
class Suggestible:
    kind: str
    key: str
    name: str

    @property
    def value(self) -> str:
        """How the choice travels in a form: kind and key, e.g. "lesson:boundaries"."""
        return f"{self.kind}:{self.key}"

    @property
    def url(self) -> str:
        if self.kind == QUESTIONNAIRE:
            return reverse("assessments:take", args=[self.key])
        if self.kind == LESSON:
            return reverse("learn:lesson", args=[self.key])
        tool = next(tool for tool in TOOLS if tool.module == self.key)
        return reverse(tool.index)


def catalogue() -> list[Suggestible]:
    """Everything a practitioner can suggest today, questionnaires first."""
    return [
        *(
            Suggestible(QUESTIONNAIRE, instrument.code, instrument.name)
            for instrument in assessments.enabled_instruments()
        ),
        *(Suggestible(LESSON, lesson.slug, lesson.title) for lesson in all_lessons()),
        *(Suggestible(TOOL, tool.module, tool.name) for tool in TOOLS),
    ]


def by_kind_and_key() -> dict[tuple[str, str], Suggestible]:
    """The catalogue keyed by (kind, key), made once for a page that looks up many."""
    return {(thing.kind, thing.key): thing for thing in catalogue()}


def find(kind: str, key: str) -> Suggestible | None:
    """The suggestible thing of this kind and key, or None when there is no such thing (any more)."""
    return by_kind_and_key().get((kind, key))
