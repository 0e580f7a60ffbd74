"""Reading and deleting one earlier view."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.options.models import Snapshot


def test_an_earlier_view_reads_as_it_was_written(member_client, snapshot):
    main = html.main(member_client.get(reverse("options:detail", args=[snapshot.pk])))
    assert "Where you stood on" in html.words(main)
    assert "Ask about counselling." in html.words(main)
    assert "How drawn: 7 of 10" in html.words(main)
    assert reverse("options:delete", args=[snapshot.pk]) in html.hrefs(main)


def test_deleting_asks_first_and_then_the_view_is_gone(member_client, snapshot):
    url = reverse("options:delete", args=[snapshot.pk])
    assert "Delete this view?" in member_client.get(url).content.decode()
    assert Snapshot.objects.filter(pk=snapshot.pk).exists()
    page = member_client.post(url, follow=True).content.decode()
    assert not Snapshot.objects.filter(pk=snapshot.pk).exists()
    assert "Deleted." in page
    assert "Ask about counselling." not in page
