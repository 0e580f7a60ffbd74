"""A stolen database holds none of the words typed into the self-worth pages."""

import uuid

import pytest
from django.urls import reverse

from reclaim.testing.privacy import database_holds
from reclaim.toolkit.worth.models import Evidence, Item
from reclaim.vault.fields import open_row


@pytest.mark.django_db(transaction=True)
def test_every_box_is_sealed(member_client, member):
    phrase = f"lanternfish-{uuid.uuid4().hex}"
    member_client.post(
        reverse("worth:item_new", args=["strengths"]),
        {"text": f"strength {phrase}", "note": f"note {phrase}"},
    )
    member_client.post(reverse("worth:evidence_new"), {"text": f"evidence {phrase}"})
    item = open_row(Item.objects.get(owner=member))
    member_client.post(
        reverse("worth:item_edit", args=[item.pk]),
        {"text": f"changed {phrase}", "note": f"changed note {phrase}"},
    )

    page = member_client.get(reverse("worth:index")).content.decode()
    assert f"changed {phrase}" in page
    assert f"changed note {phrase}" in page
    assert f"evidence {phrase}" in page
    assert open_row(Evidence.objects.get(owner=member)).text == f"evidence {phrase}"
    assert not database_holds(phrase)
