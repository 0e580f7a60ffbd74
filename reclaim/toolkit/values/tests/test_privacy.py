import uuid

import pytest
from django.urls import reverse

from reclaim.testing.privacy import database_holds
from reclaim.toolkit.values.models import Sort
from reclaim.vault.fields import open_row

from .conftest import piles


@pytest.mark.django_db(transaction=True)
def test_the_words_and_the_chosen_values_are_sealed(member_client, member):
    phrase = f"lanternfish-{uuid.uuid4().hex}"
    member_client.post(
        reverse("values:sort"),
        {
            "step": "3",
            "go": "save",
            **piles(lot=["tenderness"]),
            "chosen": ["tenderness"],
            "words_tenderness": f"To me {phrase}",
        },
    )
    sort = open_row(Sort.objects.get(owner=member))
    assert sort.top == [{"code": "tenderness", "words": f"To me {phrase}"}]
    assert phrase in member_client.get(reverse("values:index")).content.decode()
    assert not database_holds(phrase)
    assert not database_holds("tenderness")
