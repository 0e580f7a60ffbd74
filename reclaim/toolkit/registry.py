"""Every tool in the toolkit, and the groups the Toolkit page shows them in.

This file is the one place a tool is announced. Each tool is its own small
Django app, `reclaim.toolkit.<module>`, whose URLs live under
`/tools/<slug>/` with the namespace `<module>` and whose main page is named
`<module>:index`. Settings install the apps listed here and the toolkit's
URLs include them, so adding a tool is: a row below, and its package (see
the README's "How to add a tool").

Pure data, no Django imports: `settings.py` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tool:
    slug: str  # the URL segment, /tools/<slug>/
    module: str  # the package under reclaim/toolkit/, and the URL namespace
    name: str  # what the member reads
    summary: str  # one plain sentence on the Toolkit page
    feature: str  # the feature-map id in PRODUCT.md

    @property
    def app(self) -> str:
        return f"reclaim.toolkit.{self.module}"

    @property
    def index(self) -> str:
        """The URL name of the tool's main page."""
        return f"{self.module}:index"


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    kind: str  # "step", "strategy" or "moment"
    blurb: str
    tools: tuple[str, ...]  # slugs, in the order shown


TOOLS: tuple[Tool, ...] = (
    Tool(
        "calm",
        "calm",
        "Calm racing thoughts",
        "Ground yourself, breathe slowly, and park a worry until a time you choose.",
        "M14",
    ),
    Tool(
        "compassion",
        "compassion",
        "Self-compassion",
        "A three-step kindness break, and a letter to yourself.",
        "M7",
    ),
    Tool(
        "values",
        "values",
        "Your values",
        "Sort what matters most to you down to five, in your own words.",
        "M12",
    ),
    Tool(
        "boundaries",
        "boundaries",
        "Boundaries",
        "Put a boundary into clear words, and notice when it holds.",
        "M8",
    ),
    Tool(
        "saying-no",
        "sayno",
        "Saying no",
        "Practise a clear, kind no on everyday moments, with feedback you can read.",
        "M11",
    ),
    Tool(
        "worth",
        "worth",
        "Your worth",
        "Your strengths, what you have done, and evidence that you are enough.",
        "M10",
    ),
    Tool(
        "self-care",
        "selfcare",
        "Self-care",
        "A small plan for joy, calm, your body and connection, and a one-tap log.",
        "M9",
    ),
    Tool(
        "anger",
        "anger",
        "Anger",
        "Log anger safely, understand why it lingers, and cool down.",
        "M13",
    ),
    Tool(
        "options",
        "options",
        "Clarity on your options",
        "Think through staying, taking space or separating, at your own pace.",
        "M15",
    ),
    Tool(
        "trust",
        "trust",
        "Rebuilding trust",
        "If you are rebuilding with your partner: agreements and what you notice.",
        "M16",
    ),
    Tool(
        "support",
        "support",
        "Finding support",
        "Ways to find people who understand: groups, therapy and reading.",
        "M6",
    ),
)

# The Toolkit page: the four steps of healing, the four strategies of
# empowerment, and the tools for the hardest moments. A tool may sit in more
# than one group.
GROUPS: tuple[Group, ...] = (
    Group(
        "support",
        "Find support",
        "step",
        "You do not have to carry this alone.",
        ("support",),
    ),
    Group(
        "compassion",
        "Be kind to yourself",
        "step",
        "Speak to yourself the way you would to a friend in pain.",
        ("compassion",),
    ),
    Group(
        "boundaries",
        "Set clear boundaries",
        "step",
        "Decide what you will and will not accept, and what you will do.",
        ("boundaries",),
    ),
    Group(
        "self-care",
        "Care for yourself",
        "step",
        "Joy, calm, your body and the people who steady you.",
        ("self-care",),
    ),
    Group(
        "value",
        "Know your value",
        "strategy",
        "What happened is not a measure of your worth.",
        ("worth",),
    ),
    Group(
        "state",
        "Say your boundaries clearly",
        "strategy",
        "Plain words, said calmly, are enough.",
        ("boundaries",),
    ),
    Group(
        "no",
        "Say no without guilt",
        "strategy",
        "A need does not have to be earned or apologised for.",
        ("saying-no",),
    ),
    Group(
        "live",
        "Live by your values",
        "strategy",
        "Let what matters to you guide what comes next.",
        ("values", "options"),
    ),
    Group(
        "moments",
        "For hard moments",
        "moment",
        "When thoughts race, anger burns, or the future feels unclear.",
        ("calm", "anger", "options", "trust"),
    ),
)

_BY_SLUG = {tool.slug: tool for tool in TOOLS}


def get_tool(slug: str) -> Tool | None:
    return _BY_SLUG.get(slug)


def tool(slug: str) -> Tool:
    """The tool with this slug; a KeyError names a slug that is not registered."""
    return _BY_SLUG[slug]


def tools_in(group: Group) -> list[Tool]:
    return [_BY_SLUG[slug] for slug in group.tools]


def installed_apps() -> list[str]:
    return [tool.app for tool in TOOLS]
