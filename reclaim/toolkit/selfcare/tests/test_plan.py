from django.urls import reverse

from reclaim.safety.models import RiskEvent
from reclaim.testing import html
from reclaim.toolkit.selfcare.models import Activity
from reclaim.vault.fields import open_row, open_rows

from .conftest import RISK

URL = reverse("selfcare:plan")
EMPTY = {"own_joy": "", "own_calm": "", "own_body": "", "own_connection": ""}


def _codes(member) -> set[str]:
    return {a.code for a in open_rows(Activity.objects.filter(owner=member)) if a.code}


def test_it_offers_suggestions_in_all_four_areas(member_client):
    page = member_client.get(URL).content.decode()
    for words in ("Joy", "Calm", "Your body", "Connection", "Go for a short walk", "Call a friend"):
        assert words in page


def test_ticked_suggestions_and_own_words_make_the_plan(member_client, member):
    response = member_client.post(
        URL, {**EMPTY, "chosen": ["body-walk", "calm-breathe"], "own_joy": "Dance in the kitchen"}
    )
    assert response["Location"] == reverse("selfcare:index")
    assert _codes(member) == {"body-walk", "calm-breathe"}
    own = open_row(Activity.objects.get(owner=member, area="joy"))
    assert own.own == "Dance in the kitchen"


def test_unticking_takes_a_suggestion_off_and_keeps_own_words(
    member_client, member, walk, tomatoes
):
    page = member_client.get(URL)
    assert "body-walk" in html.values(page, "chosen")
    assert "Water the tomatoes" in html.words(html.main(page))
    member_client.post(URL, {**EMPTY, "chosen": ["joy-song"]})
    assert _codes(member) == {"joy-song"}
    assert Activity.objects.filter(pk=tomatoes.pk).exists()


def test_too_many_in_one_area_asks_kindly_and_keeps_everything(member_client, member):
    body = ["body-walk", "body-meal", "body-water", "body-sleep", "body-stretch", "body-bath"]
    for n in range(2):
        member_client.post(URL, {**EMPTY, "chosen": body, "own_body": f"Yoga {n}"})
    page = member_client.post(
        URL, {**EMPTY, "chosen": body, "own_body": "Swim on Fridays"}
    ).content.decode()
    assert "A few small ones are plenty" in page
    assert "Swim on Fridays" in page
    assert "body-stretch" in html.values(page, "chosen")
    assert Activity.objects.filter(owner=member, area="body").count() == 8


def test_own_words_that_are_too_long_are_kept_on_the_page(member_client, member):
    long = "garden " * 60
    page = member_client.post(URL, {**EMPTY, "own_calm": long}).content.decode()
    assert "longer than this box can hold" in page
    assert long.strip() in page
    assert not Activity.objects.exists()


def test_risk_in_own_words_is_saved_and_heard(member_client, member):
    response = member_client.post(URL, {**EMPTY, "own_calm": RISK}, follow=True)
    assert open_row(Activity.objects.get(owner=member)).own == RISK
    assert RiskEvent.objects.filter(owner=member).count() == 1
    assert html.select(response, "#safety-panel")
