"""The instrument definitions: registry, metadata, wording and the definition check."""

import dataclasses
import re

import pytest

from reclaim.assessments.instruments import (
    Band,
    Instrument,
    ScoreKind,
    UnknownInstrument,
    all_instruments,
    get,
    registry,
)

# What the spec and the research note say each instrument must be.
EXPECTED = {
    # code: (items, option values, reversed items, kind, range, threshold, higher_is_better, retake, enabled)
    "phq9": (9, range(0, 4), (), ScoreKind.SUM, (0, 27), 6, False, 14, True),
    "gad7": (7, range(0, 4), (), ScoreKind.SUM, (0, 21), 4, False, 14, True),
    "pcl5": (20, range(0, 5), (), ScoreKind.SUM, (0, 80), 10, False, 28, True),
    "who5": (5, range(0, 6), (), ScoreKind.PERCENTAGE, (0, 100), 12, True, 14, True),
    "scs_sf": (12, range(1, 6), (1, 4, 8, 9, 11, 12), ScoreKind.MEAN, (1, 5), None, True, 28, True),
    "rses": (10, range(0, 4), (2, 5, 6, 8, 9), ScoreKind.SUM, (0, 30), None, True, 28, True),
    "brs": (6, range(1, 6), (2, 4, 6), ScoreKind.MEAN, (1, 5), None, True, 28, False),
    "dar5": (5, range(1, 6), (), ScoreKind.SUM, (5, 25), None, False, 28, False),
}

BANDS = {
    "phq9": ("minimal", "mild", "moderate", "moderately_severe", "severe"),
    "gad7": ("minimal", "mild", "moderate", "severe"),
    "pcl5": ("below_cutpoint", "at_or_above_cutpoint"),
    "who5": ("depression_likely", "poor", "good"),
    "scs_sf": ("low", "moderate", "high"),
    "rses": ("low", "normal", "high"),
    "brs": ("low", "normal", "high"),
    "dar5": ("below_threshold", "problem_anger"),
}

FLAGS = {"phq9": ("safety",), "pcl5": ("dsm5_pattern",), "who5": ("item_low",)}

CODES = sorted(EXPECTED)


def test_the_registry_holds_exactly_the_eight_instruments():
    assert sorted(registry()) == CODES


def test_instruments_are_offered_in_the_agreed_order():
    assert [instrument.code for instrument in all_instruments()] == [
        "phq9",
        "gad7",
        "pcl5",
        "who5",
        "scs_sf",
        "rses",
        "brs",
        "dar5",
    ]


def test_an_unknown_code_is_a_value_error_and_not_a_key_error():
    with pytest.raises(UnknownInstrument) as caught:
        get("bdi2")
    assert isinstance(caught.value, ValueError)
    assert not isinstance(caught.value, KeyError)


@pytest.mark.parametrize("code", CODES)
def test_every_instrument_matches_its_published_shape(code):
    instrument = get(code)
    items, values, reverse, kind, score_range, threshold, higher, retake, enabled = EXPECTED[code]
    assert instrument.code == code
    assert instrument.item_count == items
    assert sorted(option.value for option in instrument.options) == list(values)
    assert instrument.reverse_items == reverse
    assert instrument.score_kind is kind
    assert tuple(instrument.score_range) == score_range
    assert instrument.change_threshold == threshold
    assert instrument.higher_is_better is higher
    assert instrument.retake_interval_days == retake
    assert instrument.enabled_by_default is enabled


@pytest.mark.parametrize("code", CODES)
def test_every_instrument_declares_the_agreed_band_and_flag_codes(code):
    instrument = get(code)
    assert instrument.band_codes == BANDS[code]
    assert instrument.flag_codes == FLAGS.get(code, ())


@pytest.mark.parametrize("instrument", all_instruments(), ids=lambda instrument: instrument.code)
def test_every_instrument_has_its_metadata_filled_in(instrument):
    for text in (
        instrument.name,
        instrument.short_name,
        instrument.plain_name,
        instrument.time_frame,
        instrument.instructions,
        instrument.bands_source,
        instrument.licence.summary,
        instrument.licence.source,
        instrument.licence.attribution,
    ):
        assert text.strip()
    assert all(item.text.strip() for item in instrument.items)
    assert all(band.label.strip() and band.explanation.strip() for band in instrument.bands)
    assert all(flag.description.strip() for flag in instrument.flags)
    # Options cover the whole scale, each with something to show.
    assert {option.value for option in instrument.options} == set(
        range(instrument.min_value, instrument.max_value + 1)
    )
    assert all(option.display_label for option in instrument.options)
    assert (instrument.change_threshold is None) == (not instrument.change_source)


@pytest.mark.parametrize("instrument", all_instruments(), ids=lambda instrument: instrument.code)
def test_adapted_screen_instructions_are_marked_as_adapted(instrument):
    # WHO-5's terms, and good practice for the rest: changed wording says so.
    if instrument.screen_instructions:
        assert "[Adapted for a screen:" in instrument.screen_instructions


def test_only_instruments_with_a_narrow_licence_are_off_by_default():
    off = {instrument.code for instrument in all_instruments() if not instrument.enabled_by_default}
    assert off == {"brs", "dar5"}


def test_only_the_rses_bands_are_marked_as_unofficial():
    unofficial = {
        instrument.code for instrument in all_instruments() if not instrument.bands_official
    }
    assert unofficial == {"rses"}
    assert all("not official" in band.explanation for band in get("rses").bands)


# --- wording ------------------------------------------------------------------


def test_phq9_item9_is_worded_as_published():
    assert get("phq9").items[8].text == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )


def test_phq9_uses_the_two_week_frequency_options():
    labels = [option.label for option in get("phq9").options]
    assert labels == ["Not at all", "Several days", "More than half the days", "Nearly every day"]


def test_pcl5_asks_about_the_past_month_and_the_stressful_experience():
    instrument = get("pcl5")
    assert instrument.stem == "In the past month, how much were you bothered by:"
    mentions = [item.number for item in instrument.items if "the stressful experience" in item.text]
    assert mentions == [1, 2, 3, 4, 5, 6, 7, 8, 10]


def test_pcl5_items_carry_their_dsm5_cluster():
    groups = "".join(item.group for item in get("pcl5").items)
    assert groups == "BBBBB" + "CC" + "DDDDDDD" + "EEEEEE"


def test_who5_options_run_from_all_of_the_time_to_at_no_time():
    options = get("who5").options
    assert (options[0].value, options[0].label) == (5, "All of the time")
    assert (options[-1].value, options[-1].label) == (0, "At no time")
    assert "over the last two weeks" in get("who5").instructions


def test_rses_keeps_3_for_strongly_agree_before_reversal():
    labels = {option.value: option.label for option in get("rses").options}
    assert labels == {3: "Strongly agree", 2: "Agree", 1: "Disagree", 0: "Strongly disagree"}


def test_scs_sf_labels_only_the_ends_of_its_scale_as_the_form_does():
    options = get("scs_sf").options
    assert (options[0].label, options[-1].label) == ("Almost never", "Almost always")
    assert [option.display_label for option in options[1:4]] == ["2", "3", "4"]


def test_dar5_options_are_worded_as_published():
    labels = [option.label for option in get("dar5").options]
    assert labels[0] == "None or almost none of the time"
    assert labels[-1] == "All or almost all of the time"


def test_brs_cites_smith_2008():
    assert "Smith" in get("brs").licence.attribution
    assert "2008" in get("brs").licence.attribution


# --- voice --------------------------------------------------------------------

DIAGNOSTIC_WORDS = re.compile(
    r"PTSD|disorder|diagnosed|you have (depression|anxiety)|depressed|severe|"
    r"codependent|victim",
    re.IGNORECASE,
)


def member_facing_texts(instrument):
    yield instrument.plain_name
    yield instrument.about
    for band in instrument.bands:
        yield band.label
        yield band.explanation
    for flag in instrument.flags:
        yield flag.description


@pytest.mark.parametrize("instrument", all_instruments(), ids=lambda instrument: instrument.code)
def test_member_facing_words_never_name_a_diagnosis(instrument):
    for text in member_facing_texts(instrument):
        assert not DIAGNOSTIC_WORDS.search(text), text


def test_pcl5_never_tells_the_member_they_have_ptsd():
    for text in member_facing_texts(get("pcl5")):
        assert "PTSD" not in text
    assert "not a diagnosis" in get("pcl5").band("at_or_above_cutpoint").explanation


# --- the definition check -----------------------------------------------------


def test_a_gap_between_bands_is_caught_when_the_definition_loads():
    phq9 = get("phq9")
    bands = list(phq9.bands)
    bands[1] = dataclasses.replace(bands[1], low=6)
    with pytest.raises(ValueError, match="score 5 falls in 0 bands"):
        dataclasses.replace(phq9, bands=tuple(bands))


def test_overlapping_bands_are_caught_when_the_definition_loads():
    phq9 = get("phq9")
    bands = list(phq9.bands)
    bands[1] = dataclasses.replace(bands[1], low=4)
    with pytest.raises(ValueError, match="score 4 falls in 2 bands"):
        dataclasses.replace(phq9, bands=tuple(bands))


def test_a_declared_range_that_does_not_match_the_items_is_caught():
    with pytest.raises(ValueError, match="declared range"):
        dataclasses.replace(get("gad7"), score_range=(0, 27))


def test_a_band_nobody_can_reach_is_caught():
    dar5 = get("dar5")
    extra = Band("never", 26, 30, "Never", "Never reached.")
    with pytest.raises(ValueError, match="never be reached"):
        dataclasses.replace(dar5, bands=(*dar5.bands, extra))


def test_items_out_of_order_are_caught():
    who5 = get("who5")
    with pytest.raises(ValueError, match="numbered"):
        dataclasses.replace(who5, items=tuple(reversed(who5.items)))


def test_an_instrument_without_licence_text_is_caught():
    brs = get("brs")
    with pytest.raises(ValueError, match="licence"):
        dataclasses.replace(brs, licence=dataclasses.replace(brs.licence, attribution=" "))


def test_every_registered_module_defines_an_instrument_under_its_own_name():
    for code, instrument in registry().items():
        assert isinstance(instrument, Instrument)
        assert instrument.code == code
