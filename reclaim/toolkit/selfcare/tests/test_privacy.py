"""A stolen database holds none of the words typed into the self-care pages."""

import uuid

import pytest
from django.urls import reverse

from reclaim.testing.privacy import database_holds
from reclaim.toolkit.selfcare.models import Activity
from reclaim.vault.fields import open_row


@pytest.mark.django_db(transaction=True)
def test_every_box_is_sealed(member_client, member):
    phrase = f"kittiwake-{uuid.uuid4().hex}"
    member_client.post(
        reverse("selfcare:plan"),
        {"own_joy": f"own {phrase}", "own_calm": "", "own_body": "", "own_connection": ""},
    )
    activity = open_row(Activity.objects.get(owner=member))
    member_client.post(reverse("selfcare:log", args=[activity.pk]), {"note": f"note {phrase}"})
    member_client.post(
        reverse("selfcare:activity_edit", args=[activity.pk]), {"text": f"renamed {phrase}"}
    )

    assert f"renamed {phrase}" in member_client.get(reverse("selfcare:index")).content.decode()
    week = member_client.get(reverse("selfcare:week")).content.decode()
    assert f"note {phrase}" in week
    assert f"own {phrase}" in week  # the log keeps the words it was done under
    assert not database_holds(phrase)
