"""The welcome: four calm steps, each one skippable, the situation sealed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from reclaim.accounts.models import Situation, User
from reclaim.testing import html
from reclaim.vault.crypto import VaultError
from reclaim.vault.fields import create_sealed, open_row

STEPS = ["about", "privacy", "situation", "place"]
ANSWERS = {
    "what": ["affair", "addiction"],
    "discovered": "2025-11-03",
    "living_together": "sometimes",
    "children": "yes",
}


@pytest.fixture
def newcomer(member) -> User:
    member.onboarded = None
    member.save(update_fields=["onboarded"])
    return member


def _step(name: str) -> str:
    return reverse("accounts:welcome_step", args=[name])


def _raw_details(situation: Situation) -> bytes:
    from django.db import connection

    value = situation.pk.hex if connection.vendor == "sqlite" else situation.pk
    with connection.cursor() as cursor:
        cursor.execute("SELECT details_sealed FROM accounts_situation WHERE id = %s", [value])
        return bytes(cursor.fetchone()[0])


@pytest.mark.parametrize("number, step", list(enumerate(STEPS, start=1)))
def test_each_step_renders(member_client, newcomer, number, step):
    response = member_client.get(_step(step))
    assert response.status_code == 200
    assert f"Step {number} of 4".encode() in response.content
    assert html.title(response).startswith("Welcome")


def test_the_first_step_is_the_welcome_address(member_client, newcomer):
    response = member_client.get(reverse("accounts:welcome"))
    assert b"Step 1 of 4" in response.content
    assert b"not therapy" in response.content


def test_an_unknown_step_is_not_found(member_client, newcomer):
    assert member_client.get(_step("elsewhere")).status_code == 404


@pytest.mark.parametrize("index, step", list(enumerate(STEPS[:-1])))
def test_each_step_can_be_skipped_to_the_next(member_client, newcomer, index, step):
    response = member_client.post(_step(step), {"skip": "1"})
    assert response.status_code == 302
    assert response["Location"] == _step(STEPS[index + 1])


def test_skipping_the_situation_stores_nothing(member_client, newcomer):
    member_client.post(_step("situation"), {**ANSWERS, "skip": "1"})
    assert not Situation.objects.exists()


def test_skipping_the_last_step_finishes_and_keeps_the_place(member_client, newcomer):
    response = member_client.post(_step("place"), {"skip": "1", "timezone": "Asia/Tokyo"})
    assert response["Location"] == reverse("progress:today")
    newcomer.refresh_from_db()
    assert newcomer.onboarded is not None
    assert newcomer.timezone == "Europe/London"


def test_the_situation_is_stored_sealed(member_client, newcomer):
    response = member_client.post(_step("situation"), ANSWERS)
    assert response["Location"] == _step("place")
    situation = open_row(Situation.objects.get(owner=newcomer))
    assert situation.details == ANSWERS
    raw = _raw_details(situation)
    for answer in (b"affair", b"addiction", b"2025-11-03", b"sometimes"):
        assert answer not in raw


def test_the_situation_can_be_changed_later(member_client, newcomer):
    member_client.post(_step("situation"), ANSWERS)
    member_client.post(_step("situation"), {**ANSWERS, "children": "no", "what": ["other"]})
    assert open_row(Situation.objects.get(owner=newcomer)).details["children"] == "no"
    assert Situation.objects.count() == 1


def test_the_situation_form_shows_the_members_own_answers(member_client, newcomer):
    member_client.post(_step("situation"), ANSWERS)
    page = member_client.get(_step("situation"))
    assert html.values(page, "discovered") == ["2025-11-03"]
    assert html.values(page, "what") == ["affair", "addiction"]


def test_an_empty_situation_is_fine(member_client, newcomer):
    response = member_client.post(_step("situation"), {})
    assert response["Location"] == _step("place")
    assert open_row(Situation.objects.get(owner=newcomer)).details == {
        "what": [],
        "discovered": "",
        "living_together": "",
        "children": "",
    }


def test_a_future_discovery_date_is_explained_kindly_and_the_answers_kept(member_client, newcomer):
    tomorrow = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    response = member_client.post(_step("situation"), {**ANSWERS, "discovered": tomorrow})
    assert response.status_code == 200
    text = html.words(html.main(response))
    assert "That date is in the future. Could you check it?" in text
    assert "Your other answers are still here." in text
    assert html.values(response, "what") == ["affair", "addiction"]
    assert html.values(response, "living_together") == ["sometimes"]
    assert html.values(response, "discovered") == [tomorrow]
    assert not Situation.objects.exists()


def test_the_place_step_saves_country_and_time_zone(member_client, newcomer):
    response = member_client.post(
        _step("place"), {"display_name": "R", "country": "NZ", "timezone": "Pacific/Auckland"}
    )
    assert response["Location"] == reverse("progress:today")
    newcomer.refresh_from_db()
    open_row(newcomer)
    assert (newcomer.country, newcomer.timezone, newcomer.display_name) == (
        "NZ",
        "Pacific/Auckland",
        "R",
    )


def test_finishing_sets_onboarded(member_client, newcomer):
    for step in STEPS:
        member_client.post(_step(step), {"skip": "1"})
    newcomer.refresh_from_db()
    assert newcomer.onboarded is not None


def test_finishing_again_keeps_the_first_date(member_client, member):
    member.refresh_from_db()
    first = member.onboarded
    member_client.post(_step("place"), {"skip": "1"})
    member.refresh_from_db()
    assert member.onboarded == first


def test_a_member_who_has_not_finished_is_sent_to_the_welcome_from_home(member_client, newcomer):
    response = member_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:welcome")


def test_a_member_who_has_finished_goes_to_today_from_home(member_client):
    assert member_client.get("/")["Location"] == reverse("progress:today")


def test_signing_in_before_finishing_leads_to_the_welcome(client, newcomer):
    response = client.post(
        "/account/login/", {"login": "member", "password": "a long and quiet river"}
    )
    assert response["Location"] == reverse("accounts:welcome")


def test_other_member_does_not_see_members_situation(member_client, other_client, newcomer):
    member_client.post(_step("situation"), ANSWERS)
    page = other_client.get(_step("situation"))
    assert "2025-11-03" not in page.content.decode()
    for name in ("what", "discovered", "living_together", "children"):
        assert html.values(page, name) in ([], [""]), name


def test_a_situation_moved_to_another_member_does_not_open(member_client, newcomer, other_member):
    member_client.post(_step("situation"), ANSWERS)
    mine = Situation.objects.get(owner=newcomer)
    theirs = create_sealed(Situation, owner=other_member, details={"children": "no"})
    Situation.objects.filter(pk=theirs.pk).update(details_sealed=mine.details_sealed)
    with pytest.raises(VaultError):
        open_row(Situation.objects.get(pk=theirs.pk)).details  # noqa: B018
