from urllib.parse import urlparse

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from reclaim.checkins.models import SCALES, CheckIn, OwnTrigger
from reclaim.testing import html
from reclaim.vault.fields import open_row

from .helpers import folds, posted

URL = reverse("checkins:new")


def offered_triggers(response) -> dict[str, str]:
    """Each trigger offered as a check box, by the words of its label, with the value it sends."""
    return {
        html.words(html.one(response, f'label[for="{box["id"]}"]')): str(box["value"])
        for box in html.select(response, 'input[type="checkbox"][name="triggers"]')
    }


def test_it_sends_anonymous_visitors_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("account_login")
    assert client.post(URL, posted()).status_code == 302
    assert not CheckIn.objects.exists()


def test_it_shows_five_scales_with_nothing_chosen_and_words_at_both_ends(member_client):
    response = member_client.get(URL)
    assert response.status_code == 200
    for scale in SCALES:
        name = scale.name
        assertContains(response, f"<legend>{scale.label}</legend>", html=True)
        # Eleven numbers, none of them chosen: nothing is rated until tapped.
        for value in range(1, 10):
            assertContains(
                response,
                f'<input type="radio" name="{name}" value="{value}" id="id_{name}_{value}">',
                html=True,
            )
        # The words at both ends are said with the 0 and the 10.
        assertContains(
            response,
            f'<label for="id_{name}_0">0<span class="visually-hidden">, {scale.low}</span></label>',
            html=True,
        )
        assertContains(
            response,
            f'<label for="id_{name}_10">10<span class="visually-hidden">, {scale.high}'
            "</span></label>",
            html=True,
        )
        # "Not rated" is the choice made until the member makes another.
        assertContains(
            response,
            f'<input type="radio" name="{name}" value="" id="id_{name}_11" checked>',
            html=True,
        )
        assertContains(response, f'<label for="id_{name}_11">Not rated</label>', html=True)
    # Numbers to tap, not a slider that is hard to set with a finger or a screen reader.
    assert html.select(response, 'input[type="range"]') == []


def test_triggers_and_the_note_are_folded_until_wanted(member_client):
    page = member_client.get(URL).content.decode()
    assert folds(page) == {"Anything that set you off?": False, "A note, if you like": False}


def test_it_offers_the_common_triggers_as_chips(member_client):
    chips = offered_triggers(member_client.get(URL))
    assert chips["Their phone"] == "Their phone"
    assert chips["Lies or secrets"] == "Lies or secrets"


def test_its_title_says_nothing_sensitive(member_client):
    assert html.title(member_client.get(URL)).startswith("Check in")
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

    history = html.words(html.main(member_client.get(reverse("checkins:history"))))
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
    assert offered_triggers(member_client.get(URL))["his phone buzzing"] == "his phone buzzing"
    # Chosen from the chips the second time, it is not stored twice.
    member_client.post(URL, posted(triggers=["his phone buzzing"]))
    assert OwnTrigger.objects.count() == 1


def test_it_does_not_offer_another_members_own_triggers(member_client, other_client):
    other_client.post(URL, posted(new_triggers="the gym bag"))
    page = member_client.get(URL)
    assert "the gym bag" not in offered_triggers(page)
    assert "the gym bag" not in html.words(page)


def test_a_trigger_typed_again_in_another_case_is_the_same_trigger(member_client, member):
    member_client.post(URL, posted(new_triggers="their PHONE,  bedtime "))
    assert open_row(CheckIn.objects.get(owner=member)).triggers == ["Their phone", "Bedtime"]
    assert not OwnTrigger.objects.exists()


@pytest.mark.parametrize("value", ["11", "-1", "lots"])
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
    assertContains(
        response,
        "<li>Anger goes from 0 (Calm) to 10 (Furious). Could you choose one of those "
        "numbers? Your other answers are still here.</li>",
        html=True,
        count=2,  # in the summary at the top and beside the scale
    )
    assert html.values(response, "note") == ["Words I do not want to lose."]
    assert html.values(response, "new_triggers") == ["the blue car"]
    assert html.values(response, "triggers") == ["Bedtime"]
    # The other numbers stay as chosen.
    assert html.values(response, "mood") == ["6"]
    assert not CheckIn.objects.filter(owner=member).exists()


def test_what_was_typed_in_the_folds_is_shown_open_after_an_error(member_client):
    response = member_client.post(URL, posted(anger="11", note="Keep me.", triggers=["Bedtime"]))
    assert folds(response.content.decode()) == {
        "Anything that set you off?": True,
        "A note, if you like": True,
    }
    # Only what holds something opens.
    response = member_client.post(URL, posted(anger="11", note="Keep me."))
    assert folds(response.content.decode()) == {
        "Anything that set you off?": False,
        "A note, if you like": True,
    }


def test_a_scale_left_alone_is_saved_as_not_rated(member_client, member):
    data = posted(note="Still here?")
    del data["sleep"]
    response = member_client.post(URL, {**data, "anger": ""})
    checkin = open_row(CheckIn.objects.get(owner=member))
    assert response["Location"] == reverse("checkins:saved", args=[checkin.pk])
    # No value at all in the sealed numbers, not a 5 and not a 0.
    assert checkin.scores == {"mood": 6, "anxiety": 4, "self_worth": 6}
    saved = html.words(html.main(member_client.get(response["Location"])))
    assert "Mood 6 · Anger not rated · Anxiety 4 · Sleep not rated · Self-worth 6" in saved


def test_one_scale_is_enough(member_client, member):
    data = posted(mood="3")
    for name in ("anger", "anxiety", "sleep", "self_worth"):
        del data[name]
    member_client.post(URL, data)
    assert open_row(CheckIn.objects.get(owner=member)).scores == {"mood": 3}


def test_nothing_rated_gets_a_kind_message_and_keeps_everything_typed(member_client, member):
    data = posted(note="Only words today.", new_triggers="the blue car")
    for name in ("mood", "anger", "anxiety", "sleep", "self_worth"):
        data[name] = ""
    response = member_client.post(URL, data)
    assert response.status_code == 200
    assertContains(
        response,
        "<li>Could you choose a number for at least one of the five? One is enough; the "
        "others can stay not rated. If today is more for words than numbers, your journal "
        "is there too. Your other answers are still here.</li>",
        html=True,
    )
    assert html.values(response, "note") == ["Only words today."]
    assert html.values(response, "new_triggers") == ["the blue car"]
    assert not CheckIn.objects.filter(owner=member).exists()


def test_a_note_over_ten_thousand_characters_is_refused_kindly_and_kept(member_client, member):
    note = "word " * 2001
    response = member_client.post(URL, posted(note=note))
    page = html.words(response)
    assert "one note can hold up to 10,000" in page
    assert "Your words are still here." in page
    assert html.values(response, "note") == [note]
    assert not CheckIn.objects.filter(owner=member).exists()


def test_an_own_trigger_that_is_too_long_is_refused_kindly(member_client, member):
    response = member_client.post(URL, posted(new_triggers="x" * 61, note="Keep me."))
    assert "under 60 characters" in html.words(response)
    assert html.values(response, "note") == ["Keep me."]
    assert not CheckIn.objects.filter(owner=member).exists()


def test_it_mentions_an_earlier_checkin_today(member_client, member, make_checkin):
    make_checkin(member)
    assert "You checked in at" in html.words(html.main(member_client.get(URL)))


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
