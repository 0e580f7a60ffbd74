"""Reading lesson files: what is checked, what a running site does with a mistake."""

import re
from pathlib import Path

import pytest

from reclaim.core.markdown import reading_minutes_for
from reclaim.learn.lessons import (
    LessonError,
    all_lessons,
    get_lesson,
    load_lessons,
    neighbours,
    word_count,
)

from .support import TEST_LESSONS

GOOD = """---
title: A small lesson
summary: Just for this test.
reading_minutes: 1
order: {order}
reflection: What did you notice?
tool: calm
---
A few words here.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_test_lessons_load_in_order_with_every_field():
    lessons = load_lessons(TEST_LESSONS, strict=True)
    assert [lesson.slug for lesson in lessons] == [
        "a-quiet-harbour",
        "the-lighthouse-keeper",
        "tide-tables",
    ]
    first = lessons[0]
    assert first.title == "A quiet harbour"
    assert first.summary == "A short test lesson about finding a calm place."
    assert first.reading_minutes == 1
    assert first.order == 1
    assert first.reflection == "Where is your quiet harbour this week?"
    assert first.tool == "calm"
    assert first.related_tool.name == "Calm racing thoughts"
    assert first.prompt_code == "lesson-a-quiet-harbour"
    assert first.body.startswith("Some days are loud.")


def test_lessons_are_ordered_by_their_order_not_their_file_name(tmp_path):
    _write(tmp_path, "aaa.md", GOOD.format(order=2))
    _write(tmp_path, "zzz.md", GOOD.format(order=1))
    assert [lesson.slug for lesson in load_lessons(tmp_path, strict=True)] == ["zzz", "aaa"]


def test_a_missing_or_empty_folder_has_no_lessons(tmp_path):
    assert load_lessons(tmp_path / "nowhere") == ()
    assert load_lessons(tmp_path, strict=True) == ()


def test_the_served_lessons_come_from_the_setting_and_are_read_once(settings, tmp_path):
    assert [lesson.order for lesson in all_lessons()] == [1, 2, 3]
    assert all_lessons() is all_lessons()
    _write(tmp_path, "only-one.md", GOOD.format(order=1))
    settings.LEARN_CONTENT_DIR = tmp_path
    assert [lesson.slug for lesson in all_lessons()] == ["only-one"]


def test_get_lesson_finds_by_slug_and_neighbours_follow_the_order(harbour, lighthouse, tides):
    assert get_lesson("the-lighthouse-keeper") == lighthouse
    assert get_lesson("no-such-lesson") is None
    assert neighbours(harbour) == (None, lighthouse)
    assert neighbours(lighthouse) == (harbour, tides)
    assert neighbours(tides) == (lighthouse, None)


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("title: Only a title\n", "summary is missing"),
        (
            GOOD.split("---")[1].replace("reading_minutes: 1", "reading_minutes: four"),
            "reading_minutes should be a whole number",
        ),
        (
            GOOD.split("---")[1].replace("order: {order}", "order: yes"),
            "order should be a whole number",
        ),
        (GOOD.split("---")[1].replace("order: {order}", "order: 0"), "order should be 1 or more"),
        (
            GOOD.split("---")[1].replace("title: A small lesson", "title: 42"),
            "title should be text",
        ),
        (
            GOOD.split("---")[1].replace("summary: Just for this test.", "summary: ''"),
            "summary is empty",
        ),
        (
            GOOD.split("---")[1].replace("tool: calm", "tool: juggling"),
            "tool 'juggling' is not in the toolkit",
        ),
        (GOOD.split("---")[1] + "author: Someone\n", "unknown field(s): author"),
        ("- a\n- list\n", "its front matter is not a set of fields"),
        ("title: [unclosed\n", "its front matter is not valid YAML"),
    ],
)
def test_broken_front_matter_is_named_in_strict_mode_and_left_out_otherwise(
    tmp_path, front, problem
):
    _write(tmp_path, "broken.md", "---\n" + front.strip("\n").format(order=1) + "\n---\nWords.\n")
    _write(tmp_path, "fine.md", GOOD.format(order=2))
    with pytest.raises(
        LessonError, match=r"broken\.md: .*" + problem.replace("(", r"\(").replace(")", r"\)")
    ):
        load_lessons(tmp_path, strict=True)
    assert [lesson.slug for lesson in load_lessons(tmp_path)] == ["fine"]


def test_a_file_without_front_matter_is_named(tmp_path):
    _write(tmp_path, "plain.md", "Just words.\n")
    _write(tmp_path, "unclosed.md", "---\ntitle: x\n")
    with pytest.raises(LessonError) as raised:
        load_lessons(tmp_path, strict=True)
    assert "plain.md: it does not start with front matter" in str(raised.value)
    assert "unclosed.md: its front matter has no closing line" in str(raised.value)


@pytest.mark.parametrize(
    "name", ["Capital.md", "under_score.md", "two--hyphens.md", "x" * 34 + ".md"]
)
def test_a_file_name_must_be_a_short_lowercase_slug(tmp_path, name):
    _write(tmp_path, name, GOOD.format(order=1))
    with pytest.raises(LessonError, match="lowercase words joined by hyphens"):
        load_lessons(tmp_path, strict=True)


def test_two_lessons_with_the_same_order_are_named(tmp_path):
    _write(tmp_path, "one.md", GOOD.format(order=3))
    _write(tmp_path, "two.md", GOOD.format(order=3))
    with pytest.raises(LessonError, match=r"two\.md: order 3 is taken by one\.md"):
        load_lessons(tmp_path, strict=True)
    # A running site still shows both, in a stable order.
    assert [lesson.slug for lesson in load_lessons(tmp_path)] == ["one", "two"]


def test_a_link_to_a_lesson_that_does_not_exist_is_named(tmp_path):
    _write(tmp_path, "one.md", GOOD.format(order=1) + "See [more](lesson:missing-one).\n")
    with pytest.raises(
        LessonError, match=r"one\.md: a link to lesson 'missing-one', and there is no"
    ):
        load_lessons(tmp_path, strict=True)


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ("tool:juggling", "tool 'juggling', which is not in the toolkit"),
        ("help:elsewhere", "help links are help: and help:home-safety"),
        ("https://example.org", "only lesson:, tool: and help: links"),
        ("/learn/", "only lesson:, tool: and help: links"),
        ("mailto:a@b.c", "only lesson:, tool: and help: links"),
    ],
)
def test_only_lesson_tool_and_help_links_are_allowed(tmp_path, link, problem):
    _write(tmp_path, "one.md", GOOD.format(order=1) + f"See [this]({link}).\n")
    with pytest.raises(LessonError, match=re.escape(problem)):
        load_lessons(tmp_path, strict=True)


def test_images_raw_html_and_top_level_headings_are_named(tmp_path):
    body = "# Another title\n\n![a picture](x.png)\n\n<div>boxed</div>\n"
    _write(tmp_path, "one.md", GOOD.format(order=1) + body)
    with pytest.raises(LessonError) as raised:
        load_lessons(tmp_path, strict=True)
    message = str(raised.value)
    assert "an image" in message
    assert "raw HTML" in message
    assert "a # heading" in message


def test_word_count_counts_what_a_member_reads_not_the_markup():
    assert word_count("## Two words\n\n*One* [two three](lesson:x) four.\n\n- five\n") == 7
    assert word_count("") == 0


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (650, 4), (900, 5)]
)
def test_reading_time_rounds_up_at_two_hundred_words_a_minute(words, minutes):
    assert reading_minutes_for(words) == minutes


def test_each_lesson_knows_its_word_count():
    assert get_lesson("tide-tables").words == 15
