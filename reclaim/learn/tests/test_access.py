"""Progress belongs to one member: another member's reading never shows."""

from django.urls import reverse

from reclaim.learn.actions import do_finish, do_start
from reclaim.learn.queries import next_lesson, progress_of


def test_another_members_finish_does_not_show_on_my_pages(
    member_client, other_member, harbour, tides
):
    do_finish(other_member, harbour)
    do_start(other_member, tides)
    index = member_client.get(reverse("learn:index")).content.decode()
    assert "Finished" not in index and "Started" not in index
    assert "Start wherever you like." in index
    lesson = member_client.get(reverse("learn:lesson", args=["a-quiet-harbour"])).content.decode()
    assert "You finished this lesson" not in lesson


def test_my_buttons_change_only_my_progress(member_client, member, other_member, harbour):
    member_client.post(reverse("learn:finish", args=["a-quiet-harbour"]))
    assert "a-quiet-harbour" in progress_of(member)
    assert progress_of(other_member) == {}
    assert next_lesson(other_member) == harbour


def test_unfinishing_mine_leaves_theirs(member_client, other_client, member, other_member, harbour):
    do_finish(member, harbour)
    do_finish(other_member, harbour)
    other_client.post(reverse("learn:unfinish", args=["a-quiet-harbour"]))
    assert "finished" in progress_of(member)["a-quiet-harbour"]
    assert "finished" not in progress_of(other_member)["a-quiet-harbour"]
