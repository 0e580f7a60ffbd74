"""Another member meets a 404 on every object URL, and nothing changes."""

from django.urls import reverse

from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.worth.models import Evidence, Item
from reclaim.vault.fields import open_row


def test_another_member_cannot_see_or_change_anything(other_client, strength, piece):
    assert_hidden_from(
        other_client,
        [
            reverse("worth:item_edit", args=[strength.pk]),
            reverse("worth:item_delete", args=[strength.pk]),
            reverse("worth:evidence_edit", args=[piece.pk]),
            reverse("worth:evidence_delete", args=[piece.pk]),
        ],
        post_data={"text": "changed", "note": "changed", "day": "2026-03-01"},
    )
    item = open_row(Item.objects.get(pk=strength.pk))
    assert (item.text, item.note) == ("Patient with the kids", "Even on hard days.")
    kept = open_row(Evidence.objects.get(pk=piece.pk))
    assert (kept.text, kept.day.isoformat()) == ("I told my sister the truth today.", "2026-03-02")


def test_another_members_lists_show_none_of_it(other_client, strength, piece):
    for url in (
        reverse("worth:index"),
        reverse("worth:evidence_list"),
        reverse("worth:item_list", args=["strengths"]),
    ):
        page = other_client.get(url).content.decode()
        assert "Patient with the kids" not in page
        assert "I told my sister" not in page
