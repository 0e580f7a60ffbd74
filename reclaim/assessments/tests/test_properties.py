"""Properties that must hold for every valid answer list of every instrument."""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reclaim.assessments.instruments import AnswerError, ScoreKind, all_instruments, get
from reclaim.assessments.scoring import score

INSTRUMENTS = all_instruments()


def answers_for(instrument):
    return st.lists(
        st.integers(instrument.min_value, instrument.max_value),
        min_size=instrument.item_count,
        max_size=instrument.item_count,
    )


instrument_and_answers = st.sampled_from(INSTRUMENTS).flatmap(
    lambda instrument: st.tuples(st.just(instrument), answers_for(instrument))
)

# PCL-5 cut-points are passed explicitly so these properties do not depend on
# whatever the Django settings say when the suite runs with Django loaded.
CUT = 33


def scored(instrument, answers):
    kwargs = {"cutpoint": CUT} if instrument.cutpoint_setting else {}
    return score(instrument.code, answers, **kwargs)


@given(instrument_and_answers)
def test_the_score_is_always_within_the_published_range(case):
    instrument, answers = case
    result = scored(instrument, answers)
    low, high = instrument.score_range
    assert low <= result.score <= high
    assert instrument.raw_range[0] <= result.raw_sum <= instrument.raw_range[1]


@given(instrument_and_answers)
def test_the_headline_number_is_made_the_way_the_manual_says(case):
    instrument, answers = case
    result = scored(instrument, answers)
    if instrument.score_kind is ScoreKind.SUM:
        assert result.score == result.raw_sum
        assert type(result.score) is int
    elif instrument.score_kind is ScoreKind.PERCENTAGE:
        assert result.score == result.raw_sum * 4
    else:
        assert abs(result.score - result.raw_sum / instrument.item_count) <= 0.005
        assert Decimal(str(result.score)).as_tuple().exponent >= -2


@given(instrument_and_answers)
def test_the_band_is_always_one_of_the_declared_codes_and_covers_the_score(case):
    instrument, answers = case
    result = scored(instrument, answers)
    assert result.band in instrument.band_codes
    band = instrument.bands_for(CUT if instrument.cutpoint_setting else None)
    (matching,) = [b for b in band if b.code == result.band]
    assert matching.contains(instrument.band_value(result.raw_sum))


@given(instrument_and_answers)
def test_flags_are_always_declared_codes(case):
    instrument, answers = case
    assert scored(instrument, answers).flags <= set(instrument.flag_codes)


@given(instrument_and_answers)
def test_flipping_every_answer_mirrors_the_raw_sum(case):
    instrument, answers = case
    flip = instrument.min_value + instrument.max_value
    flipped = [flip - value for value in answers]
    original, mirrored = scored(instrument, answers), scored(instrument, flipped)
    assert mirrored.raw_sum == instrument.item_count * flip - original.raw_sum


@pytest.mark.parametrize("code", ["rses", "scs_sf", "brs"])
@given(data=st.data())
def test_reversed_scales_mirror_the_raw_sum_when_every_answer_is_flipped(code, data):
    instrument = get(code)
    answers = data.draw(answers_for(instrument))
    flip = instrument.min_value + instrument.max_value
    s = score(code, answers).raw_sum
    assert score(code, [flip - v for v in answers]).raw_sum == instrument.item_count * flip - s


@given(instrument_and_answers, st.data())
def test_raising_one_answer_moves_the_raw_sum_by_one_in_the_items_direction(case, data):
    instrument, answers = case
    raisable = [i for i, value in enumerate(answers) if value < instrument.max_value]
    assume(raisable)
    index = data.draw(st.sampled_from(raisable))
    raised = list(answers)
    raised[index] += 1
    before, after = scored(instrument, answers), scored(instrument, raised)
    step = -1 if instrument.items[index].reverse else 1
    assert after.raw_sum == before.raw_sum + step
    # A non-reversed item never lowers the sum, and so never moves the band down.
    if step == 1:
        assert instrument.band_codes.index(after.band) >= instrument.band_codes.index(before.band)


@given(answers_for(get("phq9")))
def test_phq9_safety_flag_follows_item9_alone(answers):
    assert ("safety" in score("phq9", answers).flags) == (answers[8] >= 1)


@given(answers_for(get("who5")))
def test_who5_item_low_follows_any_item_at_1_or_below(answers):
    assert ("item_low" in score("who5", answers).flags) == (min(answers) <= 1)


@given(instrument_and_answers, st.integers(min_value=0, max_value=40))
def test_a_list_of_the_wrong_length_always_names_an_item(case, length):
    instrument, answers = case
    assume(length != instrument.item_count)
    padded = (answers * 3)[:length]
    with pytest.raises(AnswerError) as caught:
        scored(instrument, padded)
    expected = length + 1 if length < instrument.item_count else instrument.item_count + 1
    assert caught.value.item == expected
    assert str(caught.value).startswith(f"item {expected}: ")


@given(
    instrument_and_answers,
    st.data(),
    st.one_of(
        st.none(), st.booleans(), st.floats(allow_nan=False), st.text(max_size=2), st.integers()
    ),
)
def test_a_bad_answer_anywhere_names_its_item(case, data, bad):
    instrument, answers = case
    is_valid_answer = (
        isinstance(bad, int)
        and not isinstance(bad, bool)
        and instrument.min_value <= bad <= instrument.max_value
    )
    assume(not is_valid_answer)
    index = data.draw(st.integers(0, instrument.item_count - 1))
    broken = list(answers)
    broken[index] = bad
    with pytest.raises(AnswerError) as caught:
        scored(instrument, broken)
    assert caught.value.item == index + 1
