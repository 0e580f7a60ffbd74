"""The demo member has read a few lessons and is part-way through the next."""

from datetime import date

from reclaim.learn.demo import seed
from reclaim.learn.queries import FINISHED, NOT_STARTED, STARTED, next_lesson, program


def test_the_demo_member_has_finished_the_first_lessons_and_started_the_next(member, tides):
    seed(member, 30, date(2026, 5, 20))
    assert [s.state for s in program(member)] == [FINISHED, FINISHED, FINISHED]
    # With three test lessons, all three are read; nothing is left to suggest.
    assert next_lesson(member) is None


def test_with_more_lessons_the_one_after_is_under_way(member, settings, tmp_path):
    front = "---\ntitle: L{n}\nsummary: S.\nreading_minutes: 1\norder: {n}\nreflection: Q{n}?\ntool: calm\n---\nWords.\n"
    for n in range(1, 6):
        (tmp_path / f"lesson-{n}.md").write_text(front.format(n=n), encoding="utf-8")
    settings.LEARN_CONTENT_DIR = tmp_path
    seed(member, 30, date(2026, 5, 20))
    states = program(member)
    assert [s.state for s in states] == [FINISHED, FINISHED, FINISHED, STARTED, NOT_STARTED]
    assert states[0].finished.date() == date(2026, 4, 26)
    assert states[2].finished < states[3].started
    assert next_lesson(member).slug == "lesson-4"
