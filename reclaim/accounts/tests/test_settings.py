"""The settings page: place, time, discretion and the auto-lock."""

from __future__ import annotations

import zoneinfo

import pytest
from django.urls import reverse

from reclaim.testing import html
from reclaim.vault.fields import open_row

URL = reverse("accounts:settings")


def _form(**changes) -> dict:
    data = {
        "display_name": "Robin",
        "country": "GB",
        "timezone": "Europe/London",
        "language": "en",
        "autolock_minutes": "15",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_page_shows_the_members_settings(member_client):
    response = member_client.get(URL)
    assert response.status_code == 200
    assert html.title(response).startswith("Settings")
    assert html.values(response, "timezone") == ["Europe/London"]
    assert html.values(response, "country") == ["GB"]


def test_changing_time_zone_and_country(member_client, member):
    response = member_client.post(URL, _form(timezone="America/Sao_Paulo", country="BR"))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.timezone == "America/Sao_Paulo"
    assert member.country == "BR"
    assert member.zone == zoneinfo.ZoneInfo("America/Sao_Paulo")
    assert b"Saved." in member_client.get(URL).content


def test_turning_discreet_mode_on_and_off(member_client, member):
    member_client.post(URL, _form(discreet_mode="on"))
    member.refresh_from_db()
    assert member.discreet_mode is True
    member_client.post(URL, _form())
    member.refresh_from_db()
    assert member.discreet_mode is False


@pytest.mark.parametrize("minutes", [1, 5, 60])
def test_changing_the_autolock_minutes(member_client, member, minutes):
    member_client.post(URL, _form(autolock_minutes=str(minutes)))
    member.refresh_from_db()
    assert member.autolock_minutes == minutes


def test_an_unknown_autolock_value_is_refused(member_client, member):
    response = member_client.post(URL, _form(autolock_minutes="100000"))
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.autolock_minutes == 15


def test_an_unknown_time_zone_gets_a_kind_message_and_keeps_the_rest(member_client, member):
    response = member_client.post(
        URL, _form(timezone="Mars/Olympus_Mons", display_name="Robin B", country="IE")
    )
    assert response.status_code == 200
    assert "We do not know that time zone. Could you choose one from the list?" in html.words(
        html.main(response)
    )
    assert html.values(response, "display_name") == ["Robin B"]
    assert html.values(response, "country") == ["IE"]
    member.refresh_from_db()
    open_row(member)
    assert (member.timezone, member.display_name, member.country) == (
        "Europe/London",
        "Robin",
        "GB",
    )


def test_an_unknown_country_gets_a_kind_message(member_client, member):
    response = member_client.post(URL, _form(country="XX"))
    assert b"We do not know that country." in response.content


def test_the_country_may_be_left_empty(member_client, member):
    member_client.post(URL, _form(country=""))
    member.refresh_from_db()
    assert member.country == ""


def test_an_impossible_time_zone_in_the_database_falls_back_to_utc(member):
    member.timezone = "Nowhere/Special"
    assert member.zone == zoneinfo.ZoneInfo("UTC")


def test_the_page_links_to_the_account_safety_pages(member_client):
    content = member_client.get(URL).content.decode()
    for name in ("/account/password/change/", "/account/2fa/", "/account/sessions/"):
        assert name in content
    assert reverse("accounts:recovery_codes") in content


def test_settings_are_marked_as_the_current_nav_item(member_client):
    assert member_client.get(URL).context["nav"] == "settings"
