from django.urls import reverse

from reclaim.toolkit.worth.models import Item
from reclaim.vault.fields import open_row


def _url(item) -> str:
    return reverse("worth:item_edit", args=[item.pk])


def test_it_opens_with_the_words(member_client, strength):
    page = member_client.get(_url(strength)).content.decode()
    assert "Patient with the kids" in page
    assert "Even on hard days." in page


def test_a_change_is_saved(member_client, strength):
    response = member_client.post(_url(strength), {"text": "Patient", "note": ""})
    assert response["Location"] == reverse("worth:index") + "#strengths"
    item = open_row(Item.objects.get(pk=strength.pk))
    assert (item.text, item.note, item.kind) == ("Patient", "", "strength")
    assert item.updated is not None


def test_emptying_it_asks_kindly_and_keeps_the_note(member_client, strength):
    page = member_client.post(_url(strength), {"text": "", "note": "New note"}).content.decode()
    assert "Write a few words about your strength" in page
    assert "New note" in page
    assert open_row(Item.objects.get(pk=strength.pk)).text == "Patient with the kids"
