"""Another member meets a 404 on every object URL, and nothing changes."""

from django.urls import reverse

from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.selfcare.models import Activity, Done
from reclaim.vault.fields import open_row


def test_another_member_cannot_see_tap_or_change_anything(other_client, member, tomatoes, done):
    assert_hidden_from(
        other_client,
        [
            reverse("selfcare:activity_edit", args=[tomatoes.pk]),
            reverse("selfcare:activity_delete", args=[tomatoes.pk]),
            reverse("selfcare:log", args=[tomatoes.pk]),
            reverse("selfcare:done_delete", args=[done.pk]),
        ],
        post_data={"text": "changed", "note": "changed", "again": "on"},
    )
    assert open_row(Activity.objects.get(pk=tomatoes.pk)).own == "Water the tomatoes"
    assert Done.objects.filter(owner=member).count() == 1
    assert open_row(Done.objects.get(pk=done.pk)).note == "Round the park."


def test_another_members_pages_show_none_of_it(other_client, tomatoes, done):
    for url in (
        reverse("selfcare:index"),
        reverse("selfcare:plan"),
        reverse("selfcare:week_of", args=["2026-03-02"]),
    ):
        page = other_client.get(url).content.decode()
        assert "Water the tomatoes" not in page
        assert "Round the park." not in page
        assert "a walk" not in page
