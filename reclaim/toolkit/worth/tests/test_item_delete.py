from django.urls import reverse

from reclaim.toolkit.worth.models import Item


def _url(item) -> str:
    return reverse("worth:item_delete", args=[item.pk])


def test_it_asks_before_deleting(member_client, accomplishment):
    page = member_client.get(_url(accomplishment)).content.decode()
    assert "Delete this?" in page
    assert "Learned to swim at thirty" in page
    assert Item.objects.filter(pk=accomplishment.pk).exists()


def test_it_deletes_on_post(member_client, accomplishment):
    response = member_client.post(_url(accomplishment))
    assert response["Location"] == reverse("worth:index") + "#accomplishments"
    assert not Item.objects.filter(pk=accomplishment.pk).exists()
