"""A stolen database holds none of the words typed into a break."""

import uuid

import pytest
from django.urls import reverse

from reclaim.testing import html
from reclaim.testing.privacy import database_holds
from reclaim.toolkit.compassion.models import Break
from reclaim.vault.fields import open_row


@pytest.mark.django_db(transaction=True)
def test_every_box_is_sealed_and_read_back_for_its_owner(member_client, member):
    phrase = f"willow-ember-{uuid.uuid4().hex[:12]}"
    answers = {name: f"{name} {phrase}" for name in ("notice", "common", "kindness")}
    member_client.post(reverse("compassion:break"), {"step": "4", "go": "save", **answers})
    row = open_row(Break.objects.get(owner=member))
    assert (row.notice, row.common, row.kindness) == tuple(answers.values())
    page = member_client.get(reverse("compassion:detail", args=[row.pk]))
    text = html.words(html.main(page))
    assert f"kindness {phrase}" in text
    assert not database_holds(phrase)
