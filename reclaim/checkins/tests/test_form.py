"""The check-in form on its own: how posted scales become numbers, or none."""

from reclaim.checkins.forms import NONE_RATED, CheckInForm
from reclaim.checkins.suggestions import suggest_for

from .helpers import posted


def test_a_scale_missing_from_the_post_is_not_rated():
    data = posted()
    del data["anger"]
    form = CheckInForm(data)
    assert form.is_valid(), form.errors
    assert form.checkin_data()["anger"] is None
    assert form.checkin_data()["mood"] == 6


def test_the_not_rated_choice_clears_a_number():
    form = CheckInForm(posted(sleep=""))
    assert form.is_valid(), form.errors
    assert form.checkin_data()["sleep"] is None


def test_nothing_rated_is_one_kind_message_for_the_whole_form():
    form = CheckInForm(posted(mood="", anger="", anxiety="", sleep="", self_worth=""))
    assert not form.is_valid()
    assert form.non_field_errors() == [NONE_RATED]
    assert not any(form[name].errors for name in ("mood", "anger", "note"))


def test_a_number_off_the_scale_is_not_also_told_that_nothing_is_rated():
    form = CheckInForm(posted(mood="12", anger="", anxiety="", sleep="", self_worth=""))
    assert not form.is_valid()
    assert form.non_field_errors() == []
    assert form["mood"].errors


def test_a_new_form_starts_with_every_scale_not_rated():
    form = CheckInForm()
    for row in form.scale_rows():
        assert row.not_rated.data["selected"]
        assert not any(radio.data["selected"] for radio in row.numbers)
        assert [radio.data["value"] for radio in row.numbers] == list(range(11))


def test_a_scale_not_rated_cannot_decide_the_suggestion():
    # Sleep alone is rated, and well: nothing heavy, whatever the others might have been.
    values = dict.fromkeys(("mood", "anger", "anxiety", "self_worth"))
    assert suggest_for({**values, "sleep": 9}).key == "steady"
    assert suggest_for({**values, "anger": 9, "sleep": None}).key == "anger"
    assert suggest_for(dict.fromkeys(("mood", "anger", "anxiety", "sleep", "self_worth"))).key == (
        "steady"
    )
