from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.boundaries.models import Boundary, Occasion


def test_it_asks_before_deleting(member_client, boundary):
    page = member_client.get(reverse("boundaries:delete", args=[boundary.pk]))
    text = html.words(html.main(page))
    assert "Delete this boundary?" in text
    assert Boundary.objects.filter(pk=boundary.pk).exists()


def test_deleting_takes_its_log_with_it(member_client, boundary, occasion):
    response = member_client.post(reverse("boundaries:delete", args=[boundary.pk]))
    assert response["Location"] == reverse("boundaries:index")
    assert not Boundary.objects.filter(pk=boundary.pk).exists()
    assert not Occasion.objects.filter(pk=occasion.pk).exists()
