"""Another member meets a 404 on every view's page, and the view stays as it was."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.options.models import Snapshot
from reclaim.vault.fields import open_row


def test_another_member_cannot_read_or_delete_a_view(other_client, snapshot):
    delete = reverse("options:delete", args=[snapshot.pk])
    assert_hidden_from(other_client, [delete])
    # The snapshot page only reads: GET is a 404, and POST is refused for
    # everyone before any row is looked at.
    detail = reverse("options:detail", args=[snapshot.pk])
    assert other_client.get(detail).status_code == 404
    assert other_client.post(detail, {"work_drawn": "1"}).status_code == 405
    kept = open_row(Snapshot.objects.get(pk=snapshot.pk))
    assert kept.drawn("work") == 6
    assert kept.words("work", "pros") == "The years we built together."


def test_another_members_pages_show_none_of_the_views(other_client, snapshot):
    for name in ("options:index", "options:new"):
        page = other_client.get(reverse(name))
        assert "The years we built together." not in page.content.decode()
        assert str(snapshot.pk) not in page.content.decode()
