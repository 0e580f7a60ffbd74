"""The lessons: Markdown files in `content/`, read once per process.

A lesson is `content/<slug>.md`: YAML front matter (exactly the fields in
FIELDS) and a Markdown body. Bodies are rendered by markdown-it-py with raw
HTML off, then cleaned by nh3 down to the few tags Markdown makes, so a
lesson can never carry a script, a style or a link out of the app.

Links in a body have four kinds only, rewritten to real addresses:
`lesson:<slug>`, `tool:<slug>`, `help:` (Get help now) and
`help:home-safety`. Anything else (a web address, `javascript:`, an image)
is a mistake: the content test loads with `strict=True` and names every
one; a running site logs it and shows the link's words without a link, so
a member never meets a dead or foreign link.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reclaim.core import markdown
from reclaim.toolkit.registry import Tool, get_tool

log = logging.getLogger(__name__)

CONTENT_DIR = Path(__file__).resolve().parent / "content"
PROMPT_PREFIX = "lesson-"
# A journal entry keeps its prompt's code in 40 characters.
SLUG_LIMIT = 40 - len(PROMPT_PREFIX)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The front matter, exactly: each field and its type.
FIELDS: dict[str, type] = {
    "title": str,
    "summary": str,
    "reading_minutes": int,
    "order": int,
    "reflection": str,
    "tool": str,
}

# `help:<what>` links, to the safety pages.
HELP_PAGES = {"": "safety:help", "home-safety": "safety:home_safety"}


class LessonError(ValueError):
    """One or more lesson files are not as they must be; the message names each problem."""


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    summary: str
    reading_minutes: int
    order: int
    reflection: str
    tool: str
    body: str  # the Markdown, as written
    words: int  # words in the body as a member reads it

    @property
    def prompt_code(self) -> str:
        """The journal prompt this lesson's reflection opens."""
        return f"{PROMPT_PREFIX}{self.slug}"

    @property
    def related_tool(self) -> Tool | None:
        return get_tool(self.tool)


# --- Markdown ----------------------------------------------------------------


# Only to find raw HTML that the writer may have meant to show.
_MD_WITH_HTML = MarkdownIt("commonmark", {"html": True})


def link_target(href: str, slugs: Iterable[str]) -> tuple[str, tuple[str, ...]] | None:
    """The URL name and arguments a lesson link points to, or None if it is not allowed."""
    kind, sep, rest = href.partition(":")
    if not sep:
        return None
    if kind == "lesson" and rest in set(slugs):
        return "learn:lesson", (rest,)
    if kind == "tool":
        tool = get_tool(rest)
        return (tool.index, ()) if tool else None
    if kind == "help" and rest in HELP_PAGES:
        return HELP_PAGES[rest], ()
    return None


def _problems_in(tokens: list[Token], body: str, slugs: Iterable[str]) -> list[str]:
    slugs = set(slugs)
    problems = []
    for token in markdown.inline_children(tokens):
        if token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if link_target(href, slugs) is None:
                problems.append(_link_problem(href))
        elif token.type == "image":
            problems.append("an image (lessons have none)")
    for token in tokens:
        if token.type == "heading_open" and token.tag == "h1":
            problems.append("a # heading (use ## for subheadings: the title is the only #)")
    raw = [
        t
        for t in _MD_WITH_HTML.parse(body)
        if t.type == "html_block"
        or any(c.type == "html_inline" for c in (t.children or []) if t.type == "inline")
    ]
    if raw:
        problems.append("raw HTML (it is shown as text, never run)")
    return problems


def _link_problem(href: str) -> str:
    kind, _, rest = href.partition(":")
    if kind == "lesson":
        return f"a link to lesson {rest!r}, and there is no {rest}.md"
    if kind == "tool":
        return f"a link to tool {rest!r}, which is not in the toolkit"
    if kind == "help":
        return f"a link to {href!r} (help links are help: and help:home-safety)"
    return f"a link to {href!r} (only lesson:, tool: and help: links)"


def render_markdown(body: str, slugs: Iterable[str]) -> SafeString:
    """The body as clean HTML, its links pointing at real pages.

    A link that is not allowed keeps its words and loses the link; an image
    becomes its description; a # heading becomes a ## heading (core.markdown).
    """
    slugs = set(slugs)

    def link(href: str) -> dict[str, str] | None:
        target = link_target(href, slugs)
        if target is None:
            return None
        name, args = target
        return {"href": reverse(name, args=args)}

    # Relative addresses only: every link stays in the app.
    return markdown.render(markdown.parse(body), link, url_schemes=set())


# --- Reading the files --------------------------------------------------------


def _split(text: str) -> tuple[str, str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise LessonError("it does not start with front matter (a line of ---)")
    end = text.find("\n---\n", 3)
    if end == -1:
        raise LessonError("its front matter has no closing line of ---")
    return text[4:end], text[end + 5 :]


def _front_matter(raw: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise LessonError(f"its front matter is not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise LessonError("its front matter is not a set of fields")
    problems = []
    for name, kind in FIELDS.items():
        value = data.get(name)
        if value is None:
            problems.append(f"{name} is missing")
        # YAML reads `yes` as True, and a bool is an int to Python.
        elif not isinstance(value, kind) or isinstance(value, bool):
            problems.append(f"{name} should be {'a whole number' if kind is int else 'text'}")
        elif isinstance(value, str) and not value.strip():
            problems.append(f"{name} is empty")
        elif isinstance(value, int) and value < 1:
            problems.append(f"{name} should be 1 or more")
    extra = sorted(set(data) - set(FIELDS))
    if extra:
        problems.append(f"unknown field(s): {', '.join(map(str, extra))}")
    if isinstance(data.get("tool"), str) and get_tool(data["tool"]) is None:
        problems.append(f"tool {data['tool']!r} is not in the toolkit")
    if problems:
        raise LessonError("; ".join(problems))
    return {name: data[name].strip() if FIELDS[name] is str else data[name] for name in FIELDS}


def _read(path: Path) -> Lesson:
    slug = path.stem
    if not SLUG_RE.match(slug) or len(slug) > SLUG_LIMIT:
        raise LessonError(
            f"its name should be lowercase words joined by hyphens, at most {SLUG_LIMIT} letters"
        )
    raw, body = _split(path.read_text(encoding="utf-8"))
    fields = _front_matter(raw)
    body = body.strip() + "\n"
    return Lesson(slug=slug, body=body, words=word_count(body), **fields)


def load_lessons(directory: Path, *, strict: bool = False) -> tuple[Lesson, ...]:
    """Every lesson in `directory`, in order.

    Strict (the content test): any problem raises LessonError naming every
    problem in every file. Otherwise (a running site): a lesson whose front
    matter is broken is left out, a link that is not allowed is shown as
    plain words, and each problem is logged for the operator.
    """
    problems: list[str] = []
    found: list[Lesson] = []
    paths = sorted(directory.glob("*.md")) if directory.is_dir() else []
    for path in paths:
        try:
            found.append(_read(path))
        except LessonError as error:
            problems.append(f"{path.name}: {error}")
    slugs = {lesson.slug for lesson in found}
    orders: dict[int, str] = {}
    for lesson in found:
        for problem in _problems_in(markdown.parse(lesson.body), lesson.body, slugs):
            problems.append(f"{lesson.slug}.md: {problem}")
        if lesson.order in orders:
            problems.append(
                f"{lesson.slug}.md: order {lesson.order} is taken by {orders[lesson.order]}.md"
            )
        orders.setdefault(lesson.order, lesson.slug)
    if problems:
        if strict:
            raise LessonError("\n".join(problems))
        for problem in problems:
            log.error("lesson problem: %s", problem)
    return tuple(sorted(found, key=lambda lesson: (lesson.order, lesson.slug)))


# --- The lessons this process serves -----------------------------------------


def content_dir() -> Path:
    """Where the lessons are: the LEARN_CONTENT_DIR setting (tests), else content/."""
    return Path(getattr(settings, "LEARN_CONTENT_DIR", None) or CONTENT_DIR)


@functools.cache
def _loaded(directory: str) -> tuple[Lesson, ...]:
    return load_lessons(Path(directory))


def all_lessons() -> tuple[Lesson, ...]:
    """The lessons in order, read from disk once per process."""
    return _loaded(str(content_dir()))


def get_lesson(slug: str) -> Lesson | None:
    return next((lesson for lesson in all_lessons() if lesson.slug == slug), None)


def neighbours(lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
    """The lessons just before and just after this one."""
    lessons = all_lessons()
    at = lessons.index(lesson)
    return (lessons[at - 1] if at > 0 else None, lessons[at + 1] if at + 1 < len(lessons) else None)


@functools.cache
def _rendered(lesson: Lesson, slugs: frozenset[str]) -> SafeString:
    return render_markdown(lesson.body, slugs)


def lesson_html(lesson: Lesson) -> SafeString:
    """The lesson's body as clean HTML (rendered once per process)."""
    return _rendered(lesson, frozenset(item.slug for item in all_lessons()))


# --- Words and time -----------------------------------------------------------


def word_count(text: str) -> int:
    """Words a member reads in this Markdown (markup and link addresses left out)."""
    return len(markdown.plain_text(markdown.parse(text)).split())


# --- Reflections as journal prompts ------------------------------------------

# The journal names each prompt's code after its theme (`lesson-…`).
REFLECTION_THEME = "lesson"


def register_reflections(lessons: Iterable[Lesson]) -> None:
    """Offer each lesson's reflection as a guided prompt in the journal.

    Called from the app's ready(). With no lessons yet, the journal shows no
    empty theme.
    """
    from reclaim.journal.prompts import Prompt, Theme, register

    lessons = list(lessons)
    if not lessons:
        return
    register(
        Theme(
            REFLECTION_THEME,
            "From your lessons",
            "The question at the end of each lesson, to think it through in your own words.",
        ),
        [
            Prompt(code=lesson.prompt_code, theme=REFLECTION_THEME, text=lesson.reflection)
            for lesson in lessons
        ],
    )
