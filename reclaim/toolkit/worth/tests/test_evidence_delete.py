from django.urls import reverse

from reclaim.toolkit.worth.models import Evidence


def _url(piece) -> str:
    return reverse("worth:evidence_delete", args=[piece.pk])


def test_it_asks_before_deleting(member_client, piece):
    page = member_client.get(_url(piece)).content.decode()
    assert "Delete this piece?" in page
    assert "I told my sister the truth today." in page
    assert Evidence.objects.filter(pk=piece.pk).exists()


def test_it_deletes_on_post(member_client, piece):
    response = member_client.post(_url(piece))
    assert response["Location"] == reverse("worth:index") + "#evidence"
    assert not Evidence.objects.filter(pk=piece.pk).exists()
