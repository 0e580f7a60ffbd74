import uuid

import pytest
from django.urls import reverse

from reclaim.testing.privacy import database_holds
from reclaim.toolkit.boundaries.models import Boundary, Occasion
from reclaim.vault.fields import open_row


@pytest.mark.django_db(transaction=True)
def test_every_word_of_a_boundary_and_its_log_is_sealed(member_client, member):
    phrase = f"saltmarsh-{uuid.uuid4().hex}"
    fields = {
        "behaviour": f"behaviour {phrase}",
        "need": f"need {phrase}",
        "action": f"action {phrase}",
        "script": f"script {phrase}",
    }
    member_client.post(reverse("boundaries:new"), {**fields, "value": "honesty", "go": "save"})
    boundary = open_row(Boundary.objects.get(owner=member))
    member_client.post(
        reverse("boundaries:log_new", args=[boundary.pk]),
        {
            "day": "2026-01-02",
            "what": f"what {phrase}",
            "outcome": "partly",
            "did": f"did {phrase}",
        },
    )
    occasion = open_row(Occasion.objects.get(owner=member))
    assert boundary.script == f"script {phrase}" and occasion.did == f"did {phrase}"
    detail = member_client.get(reverse("boundaries:detail", args=[boundary.pk])).content.decode()
    for name in ("behaviour", "need", "action", "script"):
        assert f"{name} {phrase}" in detail
    assert f"what {phrase}" in detail
    assert not database_holds(phrase)
    assert not database_holds("partly") and not database_holds('"honesty"')
