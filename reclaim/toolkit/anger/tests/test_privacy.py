"""A stolen database holds none of the words typed into the anger log."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from reclaim.testing.privacy import database_holds


@pytest.mark.django_db(transaction=True)
def test_every_box_is_sealed_and_the_owner_reads_it_back(member_client):
    phrase = f"larkspur-{uuid.uuid4().hex[:12]}"
    fields = {
        "own_place": f"{phrase}-place",
        "trigger": f"{phrase}-trigger",
        "urge": f"{phrase}-urge",
        "action": f"{phrase}-action",
    }
    response = member_client.post(reverse("anger:new"), {"intensity": "7", **fields})
    assert response.status_code == 302
    page = member_client.get(reverse("anger:index")).content.decode()
    for words in fields.values():
        assert words in page
    assert not database_holds(phrase)
