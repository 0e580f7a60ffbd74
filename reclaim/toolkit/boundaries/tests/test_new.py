from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.boundaries.models import Boundary
from reclaim.vault.fields import open_row

from .conftest import PARTS

URL = reverse("boundaries:new")


def test_the_builder_offers_the_members_five_values(member_client, member):
    from reclaim.toolkit.values.actions import do_save_sort

    do_save_sort(member, ["courage", "home"], {})
    page = member_client.get(URL)
    offered = [box["value"] for box in html.select(page, '[name="value"]')]
    assert "courage" in offered and "home" in offered
    assert "respect" not in offered
    assert "From your five values." in html.words(html.main(page))


def test_before_a_sort_it_offers_a_few_plain_values_and_a_link_to_sort(member_client):
    page = member_client.get(URL)
    offered = [box["value"] for box in html.select(page, '[name="value"]')]
    assert "respect" in offered and "honesty" in offered
    assert reverse("values:sort") in html.hrefs(html.main(page))


def test_put_into_words_fills_the_script_and_saves_nothing(member_client, member):
    response = member_client.post(URL, {**PARTS, "go": "compose"})
    page = response
    text = html.words(html.main(page))
    assert "Here are your words." in text
    assert (
        "When you raise your voice at me, that is not OK with me, because I value respect." in text
    )
    assert "If it happens again, I will leave the room and come back later." in text
    assert not Boundary.objects.exists()


def test_the_member_can_change_the_words_before_saving(member_client, member):
    response = member_client.post(
        URL, {**PARTS, "script": "Please speak softly. I will step out if not.", "go": "save"}
    )
    boundary = open_row(Boundary.objects.get(owner=member))
    assert response["Location"] == reverse("boundaries:detail", args=[boundary.pk])
    assert boundary.script == "Please speak softly. I will step out if not."
    assert boundary.parts == {
        "behaviour": PARTS["behaviour"],
        "value": "respect",
        "need": PARTS["need"],
        "action": PARTS["action"],
    }


def test_saving_without_a_script_writes_one_from_the_parts(member_client, member):
    member_client.post(URL, {**PARTS, "go": "save"})
    assert open_row(Boundary.objects.get(owner=member)).script.startswith(
        "When you raise your voice"
    )


def test_an_empty_builder_gets_a_kind_message(member_client):
    page = member_client.post(URL, {"go": "save"})
    text = html.words(html.main(page))
    assert "Write at least the behaviour, what you need, or what you will do" in text
    assert not Boundary.objects.exists()


def test_too_many_words_are_kindly_refused_and_kept(member_client):
    long_need = "to be heard " * 500
    page = member_client.post(URL, {**PARTS, "need": long_need, "go": "save"})
    text = html.words(html.main(page))
    assert "Could you shorten it? Your words are still here." in text
    assert long_need.strip() in text
    assert PARTS["behaviour"] in text
    assert not Boundary.objects.exists()


def test_a_value_that_was_not_offered_is_refused(member_client):
    page = member_client.post(URL, {**PARTS, "value": "adventure", "go": "save"})
    text = html.words(html.main(page))
    assert "Could you choose one of the values listed?" in text
    assert not Boundary.objects.exists()
