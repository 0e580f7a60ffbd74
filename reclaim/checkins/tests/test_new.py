from urllib.parse import urlparse

import pytest
from django.urls import reverse

from reclaim.checkins.models import CheckIn, OwnTrigger
from reclaim.vault.fields import open_row

from .helpers import posted

URL = reverse("checkins:new")


def test_it_sends_anonymous_visitors_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")
    assert client.post(URL, posted()).status_code == 302
    assert not CheckIn.objects.exists()


def test_it_shows_five_sliders_starting_at_five_with_words_at_both_ends(member_client):
    response = member_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('type="range"') == 5
    assert html.count('class="scale"') == 5
    assert html.count('class="scale-ends"') == 5
    assert 'value="5" data-output="id_mood-value"' in html
    assert '<output id="id_mood-value"' in html
    for words in (
        "Very low",
        "Really good",
        "Calm",
        "Furious",
        "Settled",
        "Racing",
        "Hardly slept",
        "Slept well",
        "I know my worth",
    ):
        assert words in html
    assert '<label for="id_self_worth">' in html


def test_it_offers_the_common_triggers_as_chips(member_client):
    html = member_client.get(URL).content.decode()
    assert 'class="chip"' in html
    assert 'value="Their phone"' in html
    assert 'value="Lies or secrets"' in html


def test_its_title_says_nothing_sensitive(member_client):
    html = member_client.get(URL).content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert title.startswith("Check in")
    assert "no-store" in member_client.get(URL)["Cache-Control"]


def test_it_saves_a_checkin_with_every_field_and_shows_it_in_history(member_client, member):
    response = member_client.post(
        URL,
        posted(
            mood="3",
            anger="8",
            anxiety="6",
            sleep="2",
            self_worth="4",
            triggers=["Their phone", "Bedtime"],
            new_triggers="his phone buzzing, the blue car",
            note="Found another app on the laptop.",
        ),
    )
    checkin = open_row(CheckIn.objects.get(owner=member))
    assert response.status_code == 302
    assert response["Location"] == reverse("checkins:saved", args=[checkin.pk])
    assert checkin.scale_values == {
        "mood": 3,
        "anger": 8,
        "anxiety": 6,
        "sleep": 2,
        "self_worth": 4,
    }
    assert checkin.triggers == ["Their phone", "Bedtime", "his phone buzzing", "the blue car"]
    assert checkin.note == "Found another app on the laptop."

    history = member_client.get(reverse("checkins:history")).content.decode()
    assert "Mood 3 · Anger 8 · Anxiety 6 · Sleep 2 · Self-worth 4" in history
    assert "his phone buzzing" in history
    assert "With a note" in history


def test_it_seals_the_note_and_own_triggers(member_client, member):
    member_client.post(
        URL, posted(note="I read every message twice.", new_triggers="his phone buzzing")
    )
    checkin = CheckIn.objects.get(owner=member)
    raw = bytes(CheckIn.objects.values_list("note_sealed", flat=True).get(pk=checkin.pk))
    assert b"every message" not in raw
    assert b"buzzing" not in bytes(checkin.triggers_sealed)
    trigger = open_row(OwnTrigger.objects.get(owner=member))
    assert b"buzzing" not in bytes(trigger.name_sealed)
    assert trigger.name == "his phone buzzing"


def test_it_offers_own_triggers_again_next_time(member_client):
    member_client.post(URL, posted(new_triggers="his phone buzzing"))
    html = member_client.get(URL).content.decode()
    assert 'value="his phone buzzing"' in html
    # Chosen from the chips the second time, it is not stored twice.
    member_client.post(URL, posted(triggers=["his phone buzzing"]))
    assert OwnTrigger.objects.count() == 1


def test_it_does_not_offer_another_members_own_triggers(member_client, other_client):
    other_client.post(URL, posted(new_triggers="the gym bag"))
    assert "the gym bag" not in member_client.get(URL).content.decode()


def test_a_trigger_typed_again_in_another_case_is_the_same_trigger(member_client, member):
    member_client.post(URL, posted(new_triggers="their PHONE,  bedtime "))
    assert open_row(CheckIn.objects.get(owner=member)).triggers == ["Their phone", "Bedtime"]
    assert not OwnTrigger.objects.exists()


@pytest.mark.parametrize("value", ["11", "-1", "", "lots"])
def test_a_number_outside_the_scale_gets_a_kind_message_and_keeps_the_note(
    member_client, member, value
):
    response = member_client.post(
        URL,
        posted(
            anger=value,
            note="Words I do not want to lose.",
            triggers=["Bedtime"],
            new_triggers="the blue car",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "from 0 to 10" in html
    assert "still here" in html
    assert "Words I do not want to lose." in html
    assert 'value="the blue car"' in html
    assert 'value="Bedtime" id="id_triggers_4" checked' in html
    assert 'aria-invalid="true"' in html
    assert not CheckIn.objects.filter(owner=member).exists()


def test_a_missing_scale_gets_a_kind_message(member_client):
    data = posted(note="Still here?")
    del data["sleep"]
    html = member_client.post(URL, data).content.decode()
    assert "Please choose a number from 0 to 10 for sleep last night." in html
    assert "Still here?" in html


def test_a_note_over_ten_thousand_characters_is_refused_kindly_and_kept(member_client, member):
    note = "word " * 2001
    response = member_client.post(URL, posted(note=note))
    html = response.content.decode()
    assert "one note can hold up to 10,000" in html
    assert "Your words are still here." in html
    assert note.strip() in html
    assert not CheckIn.objects.filter(owner=member).exists()


def test_an_own_trigger_that_is_too_long_is_refused_kindly(member_client, member):
    response = member_client.post(URL, posted(new_triggers="x" * 61, note="Keep me."))
    html = response.content.decode()
    assert "under 60 characters" in html
    assert "Keep me." in html
    assert not CheckIn.objects.filter(owner=member).exists()


def test_it_mentions_an_earlier_checkin_today(member_client, member, make_checkin):
    make_checkin(member)
    assert "You checked in at" in member_client.get(URL).content.decode()


@pytest.mark.parametrize("count", [1, 60])
def test_it_needs_a_bounded_number_of_queries(
    member_client, member, make_checkin, django_assert_max_num_queries, count
):
    for index in range(count):
        make_checkin(member, triggers=[f"own trigger {index % 8}"], note="A note.")
    # The first request of a session records it; the count is of the next.
    # Of the twelve, up to seven are the framework's (session, user, the
    # user-session record); the page's own are three.
    member_client.get(URL)
    with django_assert_max_num_queries(12):
        assert member_client.get(URL).status_code == 200
