from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from reclaim.checkins.actions import do_create_checkin, do_delete_checkin, do_update_checkin
from reclaim.checkins.models import CheckIn, OwnTrigger
from reclaim.checkins.queries import own_trigger_names
from reclaim.vault.fields import open_row

from .helpers import answers


def test_it_takes_the_day_from_the_members_zone(member):
    member.timezone = "Asia/Tokyo"
    member.save()
    checkin = do_create_checkin(member, answers(), now=datetime(2026, 3, 3, 20, tzinfo=UTC))
    assert checkin.day == date(2026, 3, 4)


def test_it_reads_back_what_it_sealed(member):
    checkin = do_create_checkin(member, answers(note="Quiet day.", triggers=["Bedtime"]))
    again = open_row(CheckIn.objects.get(pk=checkin.pk))
    assert again.note == "Quiet day."
    assert again.triggers == ["Bedtime"]


def test_a_checkin_without_note_or_triggers_reads_back_empty(member):
    checkin = do_create_checkin(member, answers())
    assert checkin.note == ""
    again = open_row(CheckIn.objects.get(pk=checkin.pk))
    assert again.note_sealed is None
    assert again.note == ""
    assert again.triggers == []


@pytest.mark.parametrize("value", [-1, 11, "5", 5.0, True, ""])
def test_it_refuses_a_scale_value_that_is_not_0_to_10(member, value):
    with pytest.raises(ValidationError):
        do_create_checkin(member, answers(mood=value))
    assert not CheckIn.objects.exists()


def test_a_scale_not_rated_is_stored_as_no_value_at_all(member):
    checkin = do_create_checkin(member, answers(anger=None, sleep=None))
    # The sealed JSON itself, opened: no key for the two left alone, so
    # nothing can ever read them back as a number.
    again = open_row(CheckIn.objects.get(pk=checkin.pk))
    assert again.scores == {"mood": 6, "anxiety": 4, "self_worth": 6}
    assert again.scale_values == {
        "mood": 6,
        "anger": None,
        "anxiety": 4,
        "sleep": None,
        "self_worth": 6,
    }


def test_a_scale_missing_from_the_data_is_not_rated(member):
    data = answers()
    del data["self_worth"]
    checkin = do_create_checkin(member, data)
    assert open_row(CheckIn.objects.get(pk=checkin.pk)).self_worth is None


def test_it_refuses_a_checkin_with_no_scale_rated(member):
    with pytest.raises(ValidationError) as refused:
        do_create_checkin(
            member,
            answers(mood=None, anger=None, anxiety=None, sleep=None, self_worth=None, note="Hi."),
        )
    assert "At least one scale must be rated." in refused.value.messages
    assert not CheckIn.objects.exists()


def test_update_can_clear_a_rating_and_keeps_the_others(member):
    checkin = do_create_checkin(member, answers(mood=2))
    do_update_checkin(checkin, answers(mood=None, anger=8))
    again = open_row(CheckIn.objects.get(pk=checkin.pk))
    assert again.scores == {"anger": 8, "anxiety": 4, "sleep": 6, "self_worth": 6}


def test_it_refuses_a_note_over_ten_thousand_characters(member):
    with pytest.raises(ValidationError):
        do_create_checkin(member, answers(note="x" * 10_001))
    do_create_checkin(member, answers(note="x" * 10_000))


def test_it_remembers_own_triggers_once_each(member):
    do_create_checkin(member, answers(triggers=["the blue car", "The  blue car", "Bedtime"]))
    do_create_checkin(member, answers(triggers=["THE BLUE CAR", "his phone buzzing"]))
    assert own_trigger_names(member) == ["the blue car", "his phone buzzing"]
    assert OwnTrigger.objects.count() == 2


def test_update_keeps_the_moment_and_changes_the_rest(member):
    checkin = do_create_checkin(member, answers(note="Before."))
    do_update_checkin(checkin, answers(anger=9, note="After.", triggers=["new one"]))
    again = open_row(CheckIn.objects.get(pk=checkin.pk))
    assert (again.anger, again.note, again.triggers) == (9, "After.", ["new one"])
    assert own_trigger_names(member) == ["new one"]


def test_delete_removes_only_that_checkin(member):
    keep = do_create_checkin(member, answers())
    gone = do_create_checkin(member, answers())
    do_delete_checkin(gone)
    assert list(CheckIn.objects.values_list("pk", flat=True)) == [keep.pk]


def test_deleting_the_member_deletes_their_checkins(member):
    do_create_checkin(member, answers(triggers=["mine"]))
    member.delete()
    assert not CheckIn.objects.exists()
    assert not OwnTrigger.objects.exists()
