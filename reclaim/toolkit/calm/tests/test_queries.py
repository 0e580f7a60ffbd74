"""What other pages read from the calm tool: how many parked thoughts are ready."""

from datetime import timedelta

from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reclaim.toolkit.calm import queries
from reclaim.toolkit.calm.models import Thought


def test_due_thoughts_counts_only_the_members_ready_open_thoughts_in_one_query(
    member, other_member, park
):
    park(member, in_hours=-2)
    park(member, in_hours=-1)
    park(member, in_hours=3)
    done = park(member, in_hours=-4)
    Thought.objects.filter(pk=done.pk).update(done=timezone.now())
    park(other_member, in_hours=-1)
    with CaptureQueriesContext(connection) as captured:
        assert queries.due_thoughts(member) == 2
    assert len(captured) == 1


def test_a_thought_is_not_due_a_moment_before_its_time(member, park):
    thought = park(member, in_hours=1)
    assert queries.due_thoughts(member, thought.due - timedelta(seconds=1)) == 0
    assert queries.due_thoughts(member, thought.due) == 1


def test_the_reminder_include_speaks_gently_and_names_nothing():
    one = render_to_string("calm/_reminder.html", {"calm_due": 1})
    two = render_to_string("calm/_reminder.html", {"calm_due": 2})
    assert "A thought you parked is ready when you are." in one
    assert "2 thoughts you parked are ready when you are." in two
    assert render_to_string("calm/_reminder.html", {"calm_due": 0}).strip() == ""
