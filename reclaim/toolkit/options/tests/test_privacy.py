"""A stolen database holds none of the words typed about the options."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from reclaim.testing.privacy import database_holds
from reclaim.toolkit.options.models import PATH_CODES, QUESTION_CODES

from .conftest import posted


@pytest.mark.django_db(transaction=True)
def test_every_box_is_sealed_and_the_owner_reads_it_back(member_client):
    phrase = f"marigold-{uuid.uuid4().hex[:12]}"
    words = {
        f"{path}_{question}": f"{phrase}-{path}-{question}"
        for path in PATH_CODES
        for question in QUESTION_CODES
    }
    response = member_client.post(reverse("options:new"), posted(**words))
    assert response.status_code == 302
    page = member_client.get(reverse("options:index")).content.decode()
    for typed in words.values():
        assert typed in page
    assert not database_holds(phrase)
