"""A stolen database holds none of the words typed into saying no."""

import uuid

import pytest
from django.urls import reverse

from reclaim.testing.privacy import database_holds
from reclaim.toolkit.sayno.models import Practice, RealNo
from reclaim.vault.fields import open_row


@pytest.mark.django_db(transaction=True)
def test_every_box_is_sealed_and_read_back_for_its_owner(member_client, member):
    phrase = f"heron-lantern-{uuid.uuid4().hex[:12]}"
    member_client.post(
        reverse("sayno:practise", args=["own"]),
        {"moment": f"moment {phrase}", "draft": f"No {phrase}", "action": "save"},
    )
    member_client.post(
        reverse("sayno:real_new"),
        {
            "day": "2026-02-02",
            "who": f"who {phrase}",
            "said": f"said {phrase}",
            "went": f"went {phrase}",
            "felt": "6",
        },
    )
    practice = open_row(Practice.objects.get(owner=member))
    real = open_row(RealNo.objects.get(owner=member))
    assert (practice.moment, practice.draft) == (f"moment {phrase}", f"No {phrase}")
    assert (real.who, real.said, real.went, real.felt) == (
        f"who {phrase}",
        f"said {phrase}",
        f"went {phrase}",
        6,
    )
    page = member_client.get(reverse("sayno:real_list")).content.decode()
    assert f"said {phrase}" in page
    assert not database_holds(phrase)


@pytest.mark.django_db(transaction=True)
def test_which_moment_was_practised_is_sealed_too(member_client, member):
    member_client.post(
        reverse("sayno:practise", args=["phone-password"]), {"draft": "No.", "action": "save"}
    )
    assert open_row(Practice.objects.get(owner=member)).scenario == "phone-password"
    assert not database_holds("phone-password")
