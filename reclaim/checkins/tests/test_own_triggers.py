"""Members can stop being offered a trigger they added themselves."""

from django.urls import reverse

from reclaim.checkins.actions import do_create_checkin
from reclaim.checkins.models import CheckIn, OwnTrigger
from reclaim.vault.fields import open_row, open_rows

URL = reverse("checkins:triggers")
SCALES = {"mood": 5, "anger": 5, "anxiety": 5, "sleep": 5, "self_worth": 5}


def _add(member, *names):
    do_create_checkin(member, {**SCALES, "triggers": list(names), "note": ""})


def test_it_lists_only_the_members_own_triggers(member_client, member, other_member):
    _add(member, "His car in the drive")
    _add(other_member, "Her gym bag")
    page = member_client.get(URL).content.decode()
    assert "His car in the drive" in page
    assert "Her gym bag" not in page
    assert "Their phone" not in page  # common triggers are not the member's own


def test_removing_one_stops_it_being_offered_but_keeps_the_past(member_client, member):
    _add(member, "His car in the drive", "Typo triger")
    response = member_client.post(URL, {"name": "Typo triger"}, follow=True)
    assert "won&#x27;t be offered again" in response.content.decode()
    assert [t.name for t in open_rows(OwnTrigger.objects.filter(owner=member))] == [
        "His car in the drive"
    ]
    assert "Typo triger" not in member_client.get(reverse("checkins:new")).content.decode()
    assert open_row(CheckIn.objects.get(owner=member)).triggers == [
        "His car in the drive",
        "Typo triger",
    ]


def test_another_members_trigger_cannot_be_removed(other_client, member, other_member):
    _add(member, "His car in the drive")
    other_client.post(URL, {"name": "His car in the drive"})
    assert OwnTrigger.objects.filter(owner=member).count() == 1


def test_the_check_in_links_to_the_list_once_there_are_own_triggers(member_client, member):
    assert URL not in member_client.get(reverse("checkins:new")).content.decode()
    _add(member, "His car in the drive")
    assert URL in member_client.get(reverse("checkins:new")).content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
