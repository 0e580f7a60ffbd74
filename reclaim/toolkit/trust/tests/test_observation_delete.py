"""Deleting an observation."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.trust.models import Observation


def test_it_asks_first_then_deletes(member_client, member, observation):
    url = reverse("trust:observation_delete", args=[observation.pk])
    edit = member_client.get(reverse("trust:observation_edit", args=[observation.pk]))
    assert url in html.hrefs(html.main(edit))
    text = html.words(html.main(member_client.get(url)))
    assert "Delete this note?" in text and "Told me before I had to ask." in text
    response = member_client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("trust:index")
    assert "The note is deleted." in response.content.decode()
    assert not Observation.objects.filter(owner=member).exists()
