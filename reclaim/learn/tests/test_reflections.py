"""Each lesson's closing question is a journal prompt the lesson's button opens."""

from django.urls import reverse

from reclaim.journal.prompts import get_prompt, get_theme, prompts_for
from reclaim.learn.lessons import SLUG_LIMIT, all_lessons
from reclaim.testing import html


def test_every_reflection_is_a_journal_prompt_in_the_lessons_theme():
    theme = get_theme("lesson")
    assert theme is not None and theme.title == "From your lessons"
    assert [p.code for p in prompts_for("lesson")] == [
        "lesson-a-quiet-harbour",
        "lesson-the-lighthouse-keeper",
        "lesson-tide-tables",
    ]
    for lesson in all_lessons():
        prompt = get_prompt(lesson.prompt_code)
        assert prompt.text == lesson.reflection
        assert len(prompt.code) <= 40


def test_the_longest_slug_still_fits_a_prompt_code():
    assert len("lesson-" + "x" * SLUG_LIMIT) == 40


def test_the_reflection_button_opens_a_journal_entry_on_that_question(member_client):
    lesson = member_client.get(reverse("learn:lesson", args=["tide-tables"]))
    href = f"{reverse('journal:new')}?prompt=lesson-tide-tables"
    assert href in html.hrefs(html.main(lesson))
    page = member_client.get(href)
    assert "What came in with the tide today, and what went out?" in html.words(html.main(page))
    assert html.values(page, "prompt") == ["lesson-tide-tables"]


def test_an_entry_written_from_it_keeps_the_prompt(member_client, member):
    response = member_client.post(
        reverse("journal:new"),
        {
            "title": "",
            "body": "The tide took the worry out a little.",
            "tags": "",
            "prompt": "lesson-tide-tables",
        },
    )
    assert response.status_code == 302
    entry = member.journal_entries.get()
    assert entry.prompt == "lesson-tide-tables"


def test_with_no_lessons_no_empty_theme_is_added(monkeypatch):
    from reclaim.journal import prompts
    from reclaim.learn.lessons import register_reflections

    monkeypatch.setattr(prompts, "_THEMES", [t for t in prompts._THEMES if t.slug != "lesson"])
    monkeypatch.setattr(
        prompts,
        "_THEME_BY_SLUG",
        {k: v for k, v in prompts._THEME_BY_SLUG.items() if k != "lesson"},
    )
    register_reflections([])
    assert get_theme("lesson") is None
