"""Words typed into the calm tool never reach the database file in plain."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from reclaim.testing.privacy import database_holds
from reclaim.toolkit.calm.models import Grounding, Thought
from reclaim.vault.fields import open_row


def _a_time_no_timestamp_shows() -> str:
    """A worry time whose "HH:MM" cannot turn up inside the rows' own
    timestamps while the test runs (as their hour and minute, or their
    minute and second): on PostgreSQL every column is searched, and a row
    written at 18:21:47 holds "21:47"."""
    now = timezone.now()
    busy = {now.hour, (now.hour + 1) % 24, now.minute, (now.minute + 1) % 60}
    hour = next(h for h in (3, 7, 11, 15, 19, 23) if h not in busy)
    return f"{hour:02d}:47"


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
    worry_time = _a_time_no_timestamp_shows()
    member_client.post(reverse("calm:settings"), {"worry_time": worry_time})

    page = member_client.get(reverse("calm:thought", args=[thought.pk])).content.decode()
    assert f"I worry {phrase}" in page and f"Now {phrase}" in page
    kept = open_row(Grounding.objects.get(owner=member))
    detail = member_client.get(reverse("calm:grounding_detail", args=[kept.pk])).content.decode()
    for sense in ("see", "touch", "hear", "smell", "taste"):
        assert f"{sense} {phrase}" in detail
    assert worry_time in member_client.get(reverse("calm:settings")).content.decode()

    assert not database_holds(phrase)
    assert not database_holds(worry_time)
