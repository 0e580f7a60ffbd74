"""The member's worry time, and e-mail reminders only when they ask."""

from allauth.account.models import EmailAddress
from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.calm import queries
from reclaim.toolkit.calm.models import CalmSettings
from reclaim.vault.fields import open_row

URL = reverse("calm:settings")


def test_the_worry_time_can_be_changed_and_is_sealed(member_client, member):
    response = member_client.post(URL, {"worry_time": "20:30"})
    assert response.status_code == 302
    row = open_row(CalmSettings.objects.get(owner=member))
    assert row.worry_time == "20:30" and b"20:30" not in bytes(row.worry_time_sealed)
    assert "Your worry time is 20:30." in member_client.get(reverse("calm:park")).content.decode()


def test_a_missing_time_gets_a_kind_message(member_client, member):
    page = member_client.post(URL, {"worry_time": ""}).content.decode()
    assert "Could you choose a time? Any time of day is fine." in page
    assert not CalmSettings.objects.filter(owner=member).exists()


def test_e_mail_is_off_by_default_and_not_offered_without_a_confirmed_address(
    member_client, member
):
    assert queries.settings_of(member).by_email is False
    page = member_client.get(URL)
    assert not html.select(page, '[name="by_email"]')
    assert "E-mail reminders need a confirmed e-mail address." in html.words(html.main(page))
    member_client.post(URL, {"worry_time": "18:00", "by_email": "on"})
    assert CalmSettings.objects.get(owner=member).by_email is False


def test_e_mail_can_be_turned_on_with_a_confirmed_address(member_client, member):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    page = member_client.get(URL)
    assert html.one(page, '[name="by_email"]')
    assert html.values(page, "by_email") == []  # offered, not ticked
    assert "It never says what it is about." in html.words(html.main(page))
    member_client.post(URL, {"worry_time": "18:00", "by_email": "on"})
    assert CalmSettings.objects.get(owner=member).by_email is True
