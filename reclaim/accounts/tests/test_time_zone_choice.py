"""Choosing a time zone: the country's own zones first, named in words, guessed on the first visit."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from reclaim.accounts.models import User
from reclaim.accounts.zones import TIMEZONES, timezone_choices, zone_label, zones_by_country

PLACE = reverse("accounts:welcome_step", args=["place"])
SETTINGS = reverse("accounts:settings")


class _Select(HTMLParser):
    """The time zone list as a member's browser reads it: groups, options, attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.attrs: dict[str, str | None] = {}
        self.groups: list[str] = []
        self.options: list[tuple[str, str]] = []
        self.selected: list[str] = []
        self._value: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select" and attrs.get("name") == "timezone":
            self.inside, self.attrs = True, attrs
        elif self.inside and tag == "optgroup":
            self.groups.append(attrs["label"])
        elif self.inside and tag == "option":
            self._value = attrs["value"]
            if "selected" in attrs:
                self.selected.append(attrs["value"])

    def handle_data(self, data):
        if self.inside and self._value is not None:
            self.options.append((self._value, data))
            self._value = None

    def handle_endtag(self, tag):
        if tag == "select":
            self.inside = False


def _zone_list(response) -> _Select:
    parser = _Select()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def newcomer(member) -> User:
    member.onboarded = None
    member.timezone = "UTC"
    member.country = ""
    member.save(update_fields=["onboarded", "timezone", "country"])
    return member


def test_a_zone_is_named_by_its_city_and_its_full_name():
    assert zone_label("Europe/London") == "London time (Europe/London)"
    assert zone_label("America/Argentina/Buenos_Aires") == (
        "Buenos Aires time (America/Argentina/Buenos_Aires)"
    )
    assert zone_label("UTC") == "UTC"
    assert zone_label("Etc/GMT+5") == "Etc/GMT+5"


def test_each_country_knows_its_zones_from_the_time_zone_database():
    zones = zones_by_country()
    assert zones["GB"] == ["Europe/London"]
    assert {"America/New_York", "America/Chicago", "America/Los_Angeles"} <= set(zones["US"])
    assert set(zones["AU"]) >= {"Australia/Sydney", "Australia/Perth"}
    # Every zone offered by country is one a member may choose.
    assert {zone for country in zones.values() for zone in country} <= set(TIMEZONES)


def test_without_a_country_every_zone_is_offered_once_sorted_by_name():
    choices = timezone_choices("")
    assert sorted(value for value, _ in choices) == TIMEZONES
    labels = [label.casefold() for _, label in choices]
    assert labels == sorted(labels)


def test_the_countrys_zones_come_first_and_nothing_is_lost():
    (first_label, first), (rest_label, rest) = timezone_choices("NZ")
    assert first_label == "In New Zealand"
    assert [value for value, _ in first] == ["Pacific/Auckland", "Pacific/Chatham"]
    assert rest_label == "All time zones"
    assert sorted(value for value, _ in first + rest) == TIMEZONES


def test_settings_list_the_members_own_countrys_zones_first(member_client, member):
    member.country = "US"
    member.save(update_fields=["country"])
    zones = _zone_list(member_client.get(SETTINGS))
    assert zones.groups == ["In United States of America", "All time zones"]
    assert ("America/Chicago", "Chicago time (America/Chicago)") in zones.options[:40]
    assert zones.selected == ["Europe/London"]
    # A member who has chosen is never second-guessed by the browser.
    assert "data-detect-timezone" not in zones.attrs


def test_the_first_visit_asks_the_browser_for_its_zone(member_client, newcomer):
    response = member_client.get(PLACE)
    zones = _zone_list(response)
    assert "data-detect-timezone" in zones.attrs
    assert zones.selected == ["UTC"]
    # No country yet: one list, no groups.
    assert zones.groups == []
    assert len(zones.options) == len(TIMEZONES)


def test_a_list_sent_back_with_a_mistake_puts_the_chosen_countrys_zones_first(
    member_client, newcomer
):
    response = member_client.post(PLACE, {"country": "JP", "timezone": "Mars/Olympus_Mons"})
    zones = _zone_list(response)
    assert zones.groups == ["In Japan", "All time zones"]
    assert zones.options[0] == ("Asia/Tokyo", "Tokyo time (Asia/Tokyo)")
    newcomer.refresh_from_db()
    assert newcomer.timezone == "UTC"


def test_a_zone_chosen_from_the_countrys_group_is_saved(member_client, newcomer):
    member_client.post(PLACE, {"country": "CA", "timezone": "America/Toronto"})
    newcomer.refresh_from_db()
    assert (newcomer.country, newcomer.timezone) == ("CA", "America/Toronto")


def test_without_the_script_a_newcomer_who_left_utc_is_asked_once_with_their_zones_first(
    member_client, newcomer
):
    response = member_client.post(PLACE, {"country": "IE", "timezone": "UTC"})
    assertContains(
        response,
        "Which time zone are you in? The ones in Ireland are now at the top of the list. "
        "If UTC is right, choose Finish again.",
    )
    zones = _zone_list(response)
    assert zones.groups[0] == "In Ireland"
    assert zones.options[0] == ("Europe/Dublin", "Dublin time (Europe/Dublin)")
    newcomer.refresh_from_db()
    assert (newcomer.onboarded, newcomer.timezone) == (None, "UTC")

    # Sent again as it is, UTC is what they meant.
    member_client.post(PLACE, {"country": "IE", "timezone": "UTC", "zone_asked": "1"})
    newcomer.refresh_from_db()
    assert newcomer.onboarded is not None
    assert (newcomer.country, newcomer.timezone) == ("IE", "UTC")


def test_settings_never_question_a_chosen_utc(member_client, member):
    member.timezone = "UTC"
    member.save(update_fields=["timezone"])
    response = member_client.post(
        SETTINGS,
        {
            "display_name": "Robin",
            "country": "IE",
            "timezone": "UTC",
            "language": "en",
            "autolock_minutes": "15",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.country, member.timezone) == ("IE", "UTC")
