"""Another member meets a 404 on every moment's page, and the moment stays as it was."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing.access import assert_hidden_from
from reclaim.toolkit.anger.models import Entry
from reclaim.vault.fields import open_row


def test_another_member_cannot_see_change_or_delete_a_moment(other_client, moment):
    urls = [reverse(f"anger:{name}", args=[moment.pk]) for name in ("edit", "delete")]
    assert_hidden_from(other_client, urls, {"intensity": "1", "trigger": "changed by someone"})
    # The saved page only reads: a stranger's GET is a 404, and a POST is
    # refused before anyone's row is looked at, exactly as it is for the owner.
    saved = reverse("anger:saved", args=[moment.pk])
    assert other_client.get(saved).status_code == 404
    assert other_client.post(saved, {"intensity": "1"}).status_code == 405
    kept = open_row(Entry.objects.get(pk=moment.pk))
    assert kept.trigger == "The old photo on the fridge."
    assert kept.intensity == 6


def test_another_members_log_shows_none_of_the_moments(other_client, moment):
    page = other_client.get(reverse("anger:index")).content.decode()
    assert "The old photo on the fridge." not in page
    assert str(moment.pk) not in page
