"""Logging a moment of anger."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.anger.models import Entry
from reclaim.vault.fields import open_row


def _post(client, **fields):
    data = {
        "intensity": "4",
        "places": [],
        "own_place": "",
        "trigger": "",
        "urge": "",
        "action": "",
    }
    data.update(fields)
    return client.post(reverse("anger:new"), data)


def test_the_form_offers_a_slider_that_starts_in_the_middle_and_the_body_chips(member_client):
    page = member_client.get(reverse("anger:new"))
    slider = html.one(page, '[name="intensity"]')
    assert (slider["type"], slider["min"], slider["max"]) == ("range", "0", "10")
    assert html.values(page, "places") == []
    assert html.values(page, "intensity") == ["5"]
    chips = [
        html.words(html.one(page, f'label[for="{box["id"]}"]'))
        for box in html.select(page, '[name="places"]')
    ]
    assert chips == ["Chest", "Jaw", "Stomach", "Hands", "Head", "Throat", "Shoulders"]
    assert html.title(page).startswith("Tools ·")


def test_a_moment_is_saved_sealed_and_shown_on_the_saved_page(member_client, member):
    response = _post(
        member_client,
        intensity="5",
        places=["chest", "throat"],
        own_place="behind my eyes",
        trigger="A text from their colleague.",
        urge="To call and shout.",
        action="I put the phone in a drawer.",
    )
    entry = open_row(Entry.objects.get(owner=member))
    assert response.status_code == 302
    assert response["Location"] == reverse("anger:saved", args=[entry.pk])
    assert entry.intensity == 5
    assert entry.places == ["chest", "throat"]
    page = member_client.get(response["Location"]).content.decode()
    assert "Saved." in page
    assert "Strength 5 of 10" in page
    assert "Chest, Throat, behind my eyes" in page
    assert "A text from their colleague." in page
    assert "I put the phone in a drawer." in page


def test_a_strong_moment_offers_the_cool_down_tools_before_what_was_logged(member_client, member):
    response = _post(member_client, intensity="8", trigger="Found the hotel bill.")
    main = html.main(member_client.get(response["Location"]))
    text = html.words(main)
    assert "Slow your breathing" in text
    assert text.index("Slow your breathing") < text.index("Found the hotel bill.")
    assert reverse("calm:index") in html.hrefs(main)


def test_a_strong_moment_opened_again_another_day_is_read_calmly(member_client, member, log):
    entry = log(member, 9, trigger="Found the hotel bill.")
    Entry.objects.filter(pk=entry.pk).update(day=entry.day - timedelta(days=12))
    main = html.main(member_client.get(reverse("anger:saved", args=[entry.pk])))
    text = html.words(main)
    assert "A moment you logged" in text
    assert "That was a strong one" not in text
    assert "Slow your breathing" not in text
    assert "Found the hotel bill." in text
    assert reverse("anger:cool_down") in html.hrefs(main)


def test_a_milder_moment_keeps_the_cool_down_tools_one_quiet_link_away(member_client):
    response = _post(member_client, intensity="6", trigger="A long queue.")
    main = html.main(member_client.get(response["Location"]))
    assert "Slow your breathing" not in html.words(main)
    assert reverse("anger:cool_down") in html.hrefs(main)


def test_every_box_can_be_left_empty(member_client, member):
    response = _post(member_client, intensity="0")
    assert response.status_code == 302
    assert open_row(Entry.objects.get(owner=member)).intensity == 0


def test_a_strength_outside_0_to_10_gets_a_kind_message_and_keeps_the_words(member_client, member):
    response = _post(member_client, intensity="14", trigger="The words I typed", places=["jaw"])
    assert response.status_code == 200
    text = html.words(html.main(response))
    assert "The strength is a number from 0 to 10. Your words are still here." in text
    assert html.values(response, "trigger") == ["The words I typed"]
    assert html.values(response, "places") == ["jaw"]
    assert not Entry.objects.filter(owner=member).exists()


def test_too_many_words_get_a_kind_message_and_are_kept(member_client, member):
    long = "so angry " * 700
    response = _post(member_client, urge=long)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Could you shorten it? Your words are still here." in page
    assert "so angry so angry" in page
    assert not Entry.objects.filter(owner=member).exists()


def test_a_made_up_place_is_turned_away_kindly(member_client, member):
    response = _post(member_client, places=["elbow"], trigger="Kept")
    assert response.status_code == 200
    assert "Please choose from the places shown." in response.content.decode()
    assert not Entry.objects.filter(owner=member).exists()
