"""Reading and deleting one earlier view."""

from __future__ import annotations

from django.urls import reverse

from reclaim.toolkit.options.models import Snapshot


def test_an_earlier_view_reads_as_it_was_written(member_client, snapshot):
    html = member_client.get(reverse("options:detail", args=[snapshot.pk])).content.decode()
    assert "Where you stood on" in html
    assert "Ask about counselling." in html
    assert "How drawn: <strong>7 of 10</strong>" in html
    assert f'href="{reverse("options:delete", args=[snapshot.pk])}"' in html


def test_deleting_asks_first_and_then_the_view_is_gone(member_client, snapshot):
    url = reverse("options:delete", args=[snapshot.pk])
    assert "Delete this view?" in member_client.get(url).content.decode()
    assert Snapshot.objects.filter(pk=snapshot.pk).exists()
    page = member_client.post(url, follow=True).content.decode()
    assert not Snapshot.objects.filter(pk=snapshot.pk).exists()
    assert "Deleted." in page
    assert "Ask about counselling." not in page
