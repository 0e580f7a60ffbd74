"""Words typed into the calm tool never reach the database file in plain."""

import uuid

import pytest
from django.urls import reverse

from reclaim.testing.privacy import database_holds
from reclaim.toolkit.calm.models import Grounding, Thought
from reclaim.vault.fields import open_row


@pytest.mark.django_db(transaction=True)
def test_a_thought_an_answer_and_grounding_notes_are_sealed(member_client, member):
    phrase = f"marsh-lantern-{uuid.uuid4().hex}"
    member_client.post(reverse("calm:park"), {"thought": f"I worry {phrase}", "when": "later"})
    thought = open_row(Thought.objects.get(owner=member))
    member_client.post(
        reverse("calm:thought", args=[thought.pk]), {"now": f"Now {phrase}", "then": "keep"}
    )
    member_client.post(
        reverse("calm:grounding"),
        {
            "step": 6,
            "go": "save",
            "see": f"see {phrase}",
            "touch": f"touch {phrase}",
            "hear": f"hear {phrase}",
            "smell": f"smell {phrase}",
            "taste": f"taste {phrase}",
        },
    )
    member_client.post(reverse("calm:settings"), {"worry_time": "21:47"})

    page = member_client.get(reverse("calm:thought", args=[thought.pk])).content.decode()
    assert f"I worry {phrase}" in page and f"Now {phrase}" in page
    kept = open_row(Grounding.objects.get(owner=member))
    detail = member_client.get(reverse("calm:grounding_detail", args=[kept.pk])).content.decode()
    for sense in ("see", "touch", "hear", "smell", "taste"):
        assert f"{sense} {phrase}" in detail
    assert "21:47" in member_client.get(reverse("calm:settings")).content.decode()

    assert not database_holds(phrase)
    assert not database_holds("21:47")
