"""Clinically significant change: reliable change that crosses the published cut-off."""

from __future__ import annotations

import pytest

from reclaim.assessments.instruments import all_instruments, get
from reclaim.assessments.scoring import (
    CLINICALLY_IMPROVED,
    CLINICALLY_WORSENED,
    NOT_CLINICALLY_SIGNIFICANT,
    Score,
    clinical_change,
    clinical_range_words,
    score,
)

from .vectors import answers_with_raw_sum


def scored_at(code: str, raw_sum: int, **kwargs: int) -> Score:
    result = score(code, answers_with_raw_sum(code, raw_sum), **kwargs)
    assert result.raw_sum == raw_sum
    return result


@pytest.mark.parametrize(
    ("code", "before", "after", "expected"),
    [
        # PHQ-9: clinical range 10 or more, reliable change 6.
        ("phq9", 15, 9, CLINICALLY_IMPROVED),  # Reliable and crosses 10.
        ("phq9", 16, 10, NOT_CLINICALLY_SIGNIFICANT),  # Reliable, but 10 is still clinical.
        ("phq9", 12, 8, NOT_CLINICALLY_SIGNIFICANT),  # Crosses 10, but only 4 points.
        ("phq9", 9, 15, CLINICALLY_WORSENED),  # Reliable and crosses back.
        ("phq9", 10, 16, NOT_CLINICALLY_SIGNIFICANT),  # Reliable, but started clinical.
        ("phq9", 8, 12, NOT_CLINICALLY_SIGNIFICANT),  # Crosses, not reliable.
        ("phq9", 8, 2, NOT_CLINICALLY_SIGNIFICANT),  # Reliable, never clinical.
        # GAD-7: clinical range 10 or more, reliable change 4.
        ("gad7", 12, 8, CLINICALLY_IMPROVED),
        ("gad7", 14, 10, NOT_CLINICALLY_SIGNIFICANT),
        ("gad7", 6, 10, CLINICALLY_WORSENED),
        ("gad7", 7, 10, NOT_CLINICALLY_SIGNIFICANT),
    ],
)
def test_a_change_is_clinically_significant_only_when_reliable_and_across_the_cut_off(
    code, before, after, expected
):
    assert clinical_change(code, scored_at(code, before), scored_at(code, after)) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # WHO-5: higher is better, 50 or less is the clinical range, reliable change 12.
        (40, 52, CLINICALLY_IMPROVED),
        (36, 48, NOT_CLINICALLY_SIGNIFICANT),  # Reliable, still 50 or less.
        (44, 52, NOT_CLINICALLY_SIGNIFICANT),  # Crosses, only 8 points.
        (56, 44, CLINICALLY_WORSENED),
        (52, 44, NOT_CLINICALLY_SIGNIFICANT),
    ],
)
def test_who5_counts_the_clinical_range_from_the_top_down(before, after, expected):
    assert (
        clinical_change("who5", scored_at("who5", before // 4), scored_at("who5", after // 4))
        == expected
    )


@pytest.mark.parametrize(
    ("cutpoint", "expected"),
    [(33, CLINICALLY_IMPROVED), (31, NOT_CLINICALLY_SIGNIFICANT)],
)
def test_pcl5_uses_the_cut_point_its_later_result_was_scored_with(cutpoint, expected):
    # 41 to 31: reliable (10 points). Below 33, but 31 is still in the range with a cut-point of 31.
    before = scored_at("pcl5", 41, cutpoint=cutpoint)
    after = scored_at("pcl5", 31, cutpoint=cutpoint)
    assert clinical_change("pcl5", before, after) == expected


@pytest.mark.parametrize("code", ["rses", "scs_sf", "brs", "dar5"])
def test_no_verdict_without_a_published_cut_off_or_reliable_change_threshold(code):
    low, high = get(code).raw_range
    assert clinical_change(code, scored_at(code, high), scored_at(code, low)) is None
    assert clinical_change(code, scored_at(code, low), scored_at(code, high)) is None


def test_the_clinical_range_is_said_in_plain_words_or_not_at_all():
    assert clinical_range_words(get("phq9")) == "10 or more"
    assert clinical_range_words(get("who5")) == "50 or less"
    assert clinical_range_words(get("rses")) == ""
    assert clinical_range_words(get("dar5")) == "12 or more"
    # Every cut-off names where it comes from.
    for instrument in all_instruments():
        if instrument.clinical_cutoff is not None:
            assert instrument.clinical_cutoff_source
