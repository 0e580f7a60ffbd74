"""Deleting a moment."""

from __future__ import annotations

from django.urls import reverse

from reclaim.toolkit.anger.models import Entry


def test_deleting_asks_first_and_then_the_moment_is_gone(member_client, moment):
    url = reverse("anger:delete", args=[moment.pk])
    ask = member_client.get(url).content.decode()
    assert "Delete this moment?" in ask and "The old photo on the fridge." in ask
    assert Entry.objects.filter(pk=moment.pk).exists()
    response = member_client.post(url, follow=True)
    assert not Entry.objects.filter(pk=moment.pk).exists()
    page = response.content.decode()
    assert "Deleted." in page
    assert "The old photo on the fridge." not in page
