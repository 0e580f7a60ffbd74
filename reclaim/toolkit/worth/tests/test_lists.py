from datetime import date, timedelta

from django.urls import reverse

from reclaim.toolkit.worth import actions
from reclaim.toolkit.worth.models import STRENGTH


def test_all_evidence_pages_through_newest_first(member_client, member, add_evidence):
    for n in range(35):
        add_evidence(member, f"Line {n:02d}", date(2026, 1, 1) + timedelta(days=n))
    first = member_client.get(reverse("worth:evidence_list")).content.decode()
    assert "35 pieces" in first
    assert "Line 34" in first and "Line 04" not in first
    second = member_client.get(reverse("worth:evidence_list"), {"page": 2}).content.decode()
    assert "Line 04" in second


def test_all_strengths_are_listed(member_client, member):
    actions.do_add_item(member, STRENGTH, "Kind")
    page = member_client.get(reverse("worth:item_list", args=["strengths"])).content.decode()
    assert "All your strengths" in page
    assert "Kind" in page


def test_an_empty_list_invites_without_pressure(member_client):
    page = member_client.get(reverse("worth:item_list", args=["accomplishments"])).content.decode()
    assert "whenever you like" in page
