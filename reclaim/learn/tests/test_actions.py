"""Every change to a member's progress, through actions.py."""

from datetime import UTC, datetime

from reclaim.learn.actions import do_finish, do_mark, do_start, do_unfinish
from reclaim.learn.models import Progress
from reclaim.learn.queries import progress_of


def test_starting_twice_keeps_the_first_start(member, harbour):
    first = do_start(member, harbour)["started"]
    again = do_start(member, harbour)
    assert again == {"started": first}


def test_finishing_a_lesson_never_started_starts_it_too(member, harbour):
    marks = do_finish(member, harbour)
    assert marks["started"] == marks["finished"]


def test_finishing_keeps_an_earlier_start(member, harbour):
    started = do_start(member, harbour)["started"]
    assert do_finish(member, harbour)["started"] == started


def test_unfinishing_keeps_the_start_and_drops_the_finish(member, harbour):
    do_finish(member, harbour)
    marks = do_unfinish(member, harbour)
    assert "finished" not in marks and "started" in marks


def test_each_lesson_has_its_own_marks_in_one_row(member, harbour, tides):
    do_finish(member, harbour)
    do_start(member, tides)
    assert Progress.objects.filter(owner=member).count() == 1
    marks = progress_of(member)
    assert set(marks) == {"a-quiet-harbour", "tide-tables"}
    assert "finished" in marks["a-quiet-harbour"]
    assert "finished" not in marks["tide-tables"]


def test_marks_can_be_set_to_given_times(member, harbour):
    when = datetime(2026, 3, 1, 20, 30, tzinfo=UTC)
    do_mark(member, harbour, started=when, finished=None)
    assert progress_of(member) == {"a-quiet-harbour": {"started": when.isoformat()}}
