"""Where a member is in the lessons, and which one to suggest next (Today uses it)."""

from reclaim.learn.actions import do_finish, do_start
from reclaim.learn.queries import FINISHED, NOT_STARTED, STARTED, next_lesson, program, progress_of


def test_a_new_member_has_no_progress_and_starts_at_the_first_lesson(member, harbour):
    assert progress_of(member) == {}
    assert next_lesson(member) == harbour
    assert [s.state for s in program(member)] == [NOT_STARTED] * 3


def test_the_next_lesson_is_the_first_not_finished(member, harbour, lighthouse):
    do_finish(member, harbour)
    assert next_lesson(member) == lighthouse


def test_a_started_lesson_comes_before_an_earlier_one_not_started(member, harbour, tides):
    do_start(member, tides)
    assert next_lesson(member) == tides
    do_finish(member, tides)
    assert next_lesson(member) == harbour


def test_there_is_no_next_lesson_when_all_are_finished(member, harbour, lighthouse, tides):
    for lesson in (harbour, lighthouse, tides):
        do_finish(member, lesson)
    assert next_lesson(member) is None
    assert [s.state for s in program(member)] == [FINISHED] * 3


def test_there_is_no_next_lesson_when_there_are_no_lessons(member, settings, tmp_path):
    settings.LEARN_CONTENT_DIR = tmp_path
    assert next_lesson(member) is None


def test_progress_of_a_lesson_that_was_removed_is_ignored(member, harbour, settings, tmp_path):
    do_start(member, harbour)
    settings.LEARN_CONTENT_DIR = tmp_path
    assert program(member) == []
    assert "a-quiet-harbour" in progress_of(member)


def test_the_program_reads_progress_in_at_most_two_queries(
    member, harbour, tides, django_assert_num_queries
):
    do_start(member, harbour)
    do_finish(member, tides)
    with django_assert_num_queries(2):  # the progress row, and the member's key to open it
        states = program(member)
    assert [s.state for s in states] == [STARTED, NOT_STARTED, FINISHED]
