from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.boundaries.models import Boundary, Occasion
from reclaim.vault.fields import open_row


def test_it_asks_before_deleting_a_note(member_client, occasion):
    page = member_client.get(reverse("boundaries:log_delete", args=[occasion.pk]))
    text = html.words(html.main(page))
    assert "Delete this note?" in text and "5 January 2026" in text
    assert Occasion.objects.filter(pk=occasion.pk).exists()


def test_deleting_a_note_updates_the_counts(member_client, boundary, occasion):
    response = member_client.post(reverse("boundaries:log_delete", args=[occasion.pk]))
    assert response["Location"] == reverse("boundaries:detail", args=[boundary.pk])
    assert not Occasion.objects.filter(pk=occasion.pk).exists()
    boundary = open_row(Boundary.objects.get(pk=boundary.pk))
    assert boundary.tally == {"held": 0, "partly": 0, "not": 0, "recent": []}
