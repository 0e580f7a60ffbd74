"""What a member types here is sealed: a stolen database holds none of it."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from reclaim.testing.privacy import database_holds
from reclaim.toolkit.trust.models import Agreement, Observation
from reclaim.toolkit.writing import today_for
from reclaim.vault.fields import open_row


@pytest.mark.django_db(transaction=True)
def test_agreements_notes_outcomes_and_trust_never_reach_the_database_in_plain(
    member_client, member
):
    agreed = f"heron-lantern-{uuid.uuid4().hex}"
    noted = f"cobalt-meadow-{uuid.uuid4().hex}"
    changed = f"quiet-orchard-{uuid.uuid4().hex}"
    renoted = f"amber-willow-{uuid.uuid4().hex}"
    today = today_for(member)

    member_client.post(
        reverse("trust:agreement_new"), {"text": f"We agreed {agreed}", "since": "2026-01-02"}
    )
    agreement = open_row(Agreement.objects.get(owner=member))
    member_client.post(
        reverse("trust:observation_new"),
        {
            "agreement": agreement.pk,
            "outcome": "broken",
            "trust": "3",
            "note": f"I noticed {noted}",
            "day": f"{today}",
        },
    )
    observation = open_row(Observation.objects.get(owner=member, agreement=agreement))
    member_client.post(
        reverse("trust:agreement_edit", args=[agreement.pk]),
        {"text": f"We agreed {changed}", "since": "2026-01-03"},
    )

    member_client.post(
        reverse("trust:observation_new"),
        {"trust": "5", "note": f"Later {noted}", "day": f"{today}"},
    )
    alone = open_row(Observation.objects.get(owner=member, agreement=None))
    member_client.post(
        reverse("trust:observation_edit", args=[alone.pk]),
        {"trust": "5", "note": f"Later {renoted}", "day": f"{today}"},
    )

    # The owner reads every word back, on the pages.
    index = member_client.get(reverse("trust:index")).content.decode()
    assert changed in index and noted in index and renoted in index
    assert "Broken" in index and "Trust: 3 out of 10" in index
    fresh = open_row(Observation.objects.get(pk=observation.pk))
    assert (fresh.outcome, fresh.trust) == ("broken", 3)

    # A thief with the database file reads none of it.
    for phrase in (agreed, noted, changed, renoted, "2026-01-03", '"outcome"', '"trust"'):
        assert not database_holds(phrase), phrase
    assert database_holds("member@example.org")  # the check can see plain columns
