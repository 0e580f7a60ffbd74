"""Another member meets a 404 on every saved break, and changes nothing."""

from django.urls import reverse

from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.compassion.models import Break
from reclaim.vault.fields import open_row


def test_another_member_cannot_see_or_delete_a_break(other_client, saved_break):
    assert_hidden_from(
        other_client,
        [
            reverse("compassion:detail", args=[saved_break.pk]),
            reverse("compassion:delete", args=[saved_break.pk]),
        ],
    )
    row = open_row(Break.objects.get(pk=saved_break.pk))
    assert (row.notice, row.common, row.kindness) == ("Tight chest.", "My group.", "Rest now.")


def test_another_members_lists_do_not_show_it(other_client, saved_break):
    for name in ("compassion:index", "compassion:list"):
        assert str(saved_break.pk) not in other_client.get(reverse(name)).content.decode()
