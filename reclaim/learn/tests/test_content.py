"""The real lessons in reclaim/learn/content/, as writers add them.

These read the content folder itself, never the test lessons.
"""

import math

from reclaim.learn.lessons import CONTENT_DIR, FIELDS, link_target, load_lessons
from reclaim.toolkit.registry import get_tool

MIN_LESSONS = 12
MIN_WORDS, MAX_WORDS = 400, 900
# The journal checks its prompts for these; a lesson's reflection is one.
GENDERED = ("husband", "wife", "boyfriend", "girlfriend", "he", "she", "him", "her", "his")


def _lessons():
    # Strict: any broken front matter, link, image, raw HTML or repeated
    # order fails here with every problem in every file named.
    return load_lessons(CONTENT_DIR, strict=True)


def test_every_lesson_loads_with_all_its_fields_and_no_mistakes():
    for lesson in _lessons():
        for name, kind in FIELDS.items():
            value = getattr(lesson, name)
            assert isinstance(value, kind) and value, f"{lesson.slug}: {name}"


def test_there_are_at_least_twelve_lessons():
    found = _lessons()
    assert len(found) >= MIN_LESSONS, f"{len(found)} lessons in {CONTENT_DIR}, want {MIN_LESSONS}"


def test_every_lesson_is_400_to_900_words():
    wrong = [
        f"{lesson.slug}: {lesson.words} words"
        for lesson in _lessons()
        if not MIN_WORDS <= lesson.words <= MAX_WORDS
    ]
    assert not wrong, wrong


def test_every_reading_time_is_within_two_minutes_of_the_words():
    wrong = []
    for lesson in _lessons():
        expected = math.ceil(lesson.words / 200)
        if abs(lesson.reading_minutes - expected) > 2:
            wrong.append(f"{lesson.slug}: says {lesson.reading_minutes}, about {expected}")
    assert not wrong, wrong


def test_every_related_tool_exists():
    for lesson in _lessons():
        assert get_tool(lesson.tool) is not None, lesson.slug


def test_every_link_resolves():
    from markdown_it import MarkdownIt

    lessons = _lessons()
    slugs = {lesson.slug for lesson in lessons}
    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True
    hrefs = [
        (lesson.slug, child.attrs["href"])
        for lesson in lessons
        for token in md.parse(lesson.body)
        for child in token.children or []
        if child.type == "link_open"
    ]
    assert hrefs, "no lesson links anywhere, so nothing was checked"
    for slug, href in hrefs:
        assert link_target(href, slugs) is not None, f"{slug}: {href}"


def test_orders_are_unique():
    orders = [lesson.order for lesson in _lessons()]
    assert len(orders) == len(set(orders))


def test_reflections_say_your_partner_not_a_gendered_word():
    for lesson in _lessons():
        words = lesson.reflection.casefold().replace("?", " ").replace(",", " ").split()
        assert not set(words) & set(GENDERED), lesson.slug
