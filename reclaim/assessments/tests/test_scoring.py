"""Scoring, bands, flags, reliable change and bad input, case by case."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reclaim.assessments import scoring
from reclaim.assessments.instruments import AnswerError, UnknownInstrument, get
from reclaim.assessments.scoring import change, score

from .vectors import answers_with_raw_sum

REPO_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def without_django_settings(monkeypatch):
    # Band-edge tests for the default cut-point must not depend on what the
    # Django settings of the day say, so they see the "Django not in use" path.
    monkeypatch.setattr(scoring, "_setting", lambda name, default: default)


def scored_at(code, raw_sum, **kwargs):
    result = score(code, answers_with_raw_sum(code, raw_sum), **kwargs)
    assert result.raw_sum == raw_sum
    return result


# --- band edges ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately_severe"),
        (19, "moderately_severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_bands_follow_the_published_edges(total, band):
    result = scored_at("phq9", total)
    assert result.score == total
    assert result.band == band


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_bands_follow_the_published_edges(total, band):
    result = scored_at("gad7", total)
    assert result.score == total
    assert result.band == band


@pytest.mark.usefixtures("without_django_settings")
@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "below_cutpoint"),
        (32, "below_cutpoint"),
        (33, "at_or_above_cutpoint"),
        (80, "at_or_above_cutpoint"),
    ],
)
def test_pcl5_splits_at_33_by_default(total, band):
    result = scored_at("pcl5", total)
    assert result.band == band
    assert result.cutpoint == 33


@pytest.mark.parametrize(
    ("cutpoint", "total", "band"),
    [
        (31, 30, "below_cutpoint"),
        (31, 31, "at_or_above_cutpoint"),
        (38, 37, "below_cutpoint"),
        (38, 38, "at_or_above_cutpoint"),
    ],
)
def test_pcl5_splits_at_a_cut_point_passed_explicitly(cutpoint, total, band):
    result = scored_at("pcl5", total, cutpoint=cutpoint)
    assert result.band == band
    assert result.cutpoint == cutpoint


@pytest.mark.parametrize(
    ("percentage", "band"),
    [
        (0, "depression_likely"),
        (28, "depression_likely"),
        (32, "poor"),
        (48, "poor"),
        (52, "good"),
        (100, "good"),
    ],
)
def test_who5_bands_the_percentage_at_28_32_48_52(percentage, band):
    result = scored_at("who5", percentage // 4)
    assert result.score == percentage
    assert result.band == band


@pytest.mark.parametrize(
    ("total", "mean", "band"),
    [
        (12, 1.0, "low"),
        (29, 2.42, "low"),
        (30, 2.5, "moderate"),
        (41, 3.42, "moderate"),
        (42, 3.5, "high"),
        (60, 5.0, "high"),
    ],
)
def test_scs_sf_bands_on_the_sum_and_reports_the_mean(total, mean, band):
    result = scored_at("scs_sf", total)
    assert result.score == mean
    assert result.band == band


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "low"), (14, "low"), (15, "normal"), (25, "normal"), (26, "high"), (30, "high")],
)
def test_rses_bands_at_15_and_above_25(total, band):
    result = scored_at("rses", total)
    assert result.score == total
    assert result.band == band


@pytest.mark.parametrize(
    ("total", "mean", "band"),
    [
        (6, 1.0, "low"),
        (17, 2.83, "low"),
        (18, 3.0, "normal"),
        (25, 4.17, "normal"),
        (26, 4.33, "high"),
        (30, 5.0, "high"),
    ],
)
def test_brs_bands_on_the_sum_and_reports_the_mean(total, mean, band):
    result = scored_at("brs", total)
    assert result.score == mean
    assert result.band == band


@pytest.mark.parametrize(
    ("total", "band"),
    [(5, "below_threshold"), (11, "below_threshold"), (12, "problem_anger"), (25, "problem_anger")],
)
def test_dar5_marks_problem_anger_from_12(total, band):
    result = scored_at("dar5", total)
    assert result.score == total
    assert result.band == band


# --- reversal -----------------------------------------------------------------


def test_rses_all_strongly_agree_gives_15():
    assert score("rses", [3] * 10).score == 15


def test_rses_all_strongly_disagree_also_gives_15():
    assert score("rses", [0] * 10).score == 15


def test_rses_agreeing_with_positive_and_disagreeing_with_negative_items_gives_30():
    answers = [3, 0, 3, 3, 0, 0, 3, 0, 0, 3]
    assert score("rses", answers).score == 30


def test_scs_sf_all_fives_reverses_six_items_to_a_mean_of_3():
    result = score("scs_sf", [5] * 12)
    assert result.raw_sum == 6 * 5 + 6 * 1
    assert result.score == 3.0


def test_scs_sf_most_self_compassionate_answers_give_5():
    reversed_items = {1, 4, 8, 9, 11, 12}
    answers = [1 if number in reversed_items else 5 for number in range(1, 13)]
    result = score("scs_sf", answers)
    assert (result.raw_sum, result.score, result.band) == (60, 5.0, "high")


def test_brs_reverses_items_2_4_and_6():
    result = score("brs", [4, 2, 4, 2, 4, 3])
    assert result.raw_sum == 4 + 4 + 4 + 4 + 4 + 3
    assert result.score == 3.83


def test_brs_alternating_extremes_give_the_top_and_bottom_of_the_scale():
    assert score("brs", [5, 1, 5, 1, 5, 1]).score == 5.0
    assert score("brs", [1, 5, 1, 5, 1, 5]).score == 1.0


def test_who5_percentage_is_the_raw_sum_times_4():
    result = score("who5", [1, 2, 3, 4, 5])
    assert (result.raw_sum, result.score) == (15, 60)


# --- flags --------------------------------------------------------------------


def test_phq9_item9_flags_safety_whatever_the_total():
    result = score("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert result.band == "minimal"
    assert "safety" in result.flags


def test_phq9_high_total_alone_does_not_raise_the_safety_flag():
    result = score("phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert result.band == "severe"
    assert result.flags == frozenset()


@pytest.mark.parametrize("answer", [1, 2, 3])
def test_phq9_every_answer_above_not_at_all_on_item9_flags_safety(answer):
    assert "safety" in score("phq9", [0] * 8 + [answer]).flags


def pcl5_answers(endorsed):
    """PCL-5 answers with the given item numbers rated 2 and the rest 0."""
    return [2 if number in endorsed else 0 for number in range(1, 21)]


DSM5_MINIMUM = {1, 6, 8, 9, 15, 16}


@pytest.mark.usefixtures("without_django_settings")
def test_pcl5_dsm5_pattern_is_met_with_1_b_1_c_2_d_and_2_e_items_at_moderately():
    result = score("pcl5", pcl5_answers(DSM5_MINIMUM))
    assert "dsm5_pattern" in result.flags
    # The pattern and the cut-point are reported separately: here the pattern
    # is met with a total of only 12.
    assert result.band == "below_cutpoint"


@pytest.mark.parametrize(
    ("cluster", "endorsed"),
    [
        ("B", DSM5_MINIMUM - {1}),
        ("C", DSM5_MINIMUM - {6}),
        ("D", DSM5_MINIMUM - {9}),
        ("E", DSM5_MINIMUM - {16}),
    ],
)
def test_pcl5_dsm5_pattern_is_not_met_when_one_cluster_is_one_item_short(cluster, endorsed):
    assert "dsm5_pattern" not in score("pcl5", pcl5_answers(endorsed)).flags


def test_pcl5_items_rated_a_little_bit_do_not_count_towards_the_dsm5_pattern():
    result = score("pcl5", [1] * 20, cutpoint=20)
    assert result.band == "at_or_above_cutpoint"
    assert "dsm5_pattern" not in result.flags


def test_pcl5_dsm5_pattern_counts_any_item_of_a_cluster():
    assert "dsm5_pattern" in score("pcl5", pcl5_answers({5, 7, 13, 14, 19, 20})).flags


def test_who5_flags_item_low_when_any_item_is_1():
    assert "item_low" in score("who5", [5, 5, 5, 5, 1]).flags


def test_who5_flags_item_low_when_any_item_is_0():
    assert "item_low" in score("who5", [0, 5, 5, 5, 5]).flags


def test_who5_does_not_flag_item_low_when_every_item_is_2_or_more():
    assert score("who5", [2, 2, 2, 2, 2]).flags == frozenset()


def test_instruments_without_flags_never_raise_any():
    for code in ("gad7", "scs_sf", "rses", "brs", "dar5"):
        assert score(code, answers_with_raw_sum(code, get(code).raw_range[1])).flags == frozenset()


# --- reliable change ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "before", "after", "expected"),
    [
        ("phq9", 15, 9, "improved"),
        ("phq9", 15, 10, "no_reliable_change"),
        ("phq9", 9, 15, "worsened"),
        ("phq9", 10, 15, "no_reliable_change"),
        ("phq9", 12, 12, "no_reliable_change"),
        ("gad7", 10, 6, "improved"),
        ("gad7", 10, 7, "no_reliable_change"),
        ("gad7", 6, 10, "worsened"),
        ("gad7", 7, 10, "no_reliable_change"),
        ("pcl5", 45, 35, "improved"),
        ("pcl5", 45, 36, "no_reliable_change"),
        ("pcl5", 35, 45, "worsened"),
        ("pcl5", 36, 45, "no_reliable_change"),
    ],
)
def test_change_counts_a_drop_of_at_least_the_threshold_as_improvement_when_lower_is_better(
    code, before, after, expected
):
    assert (
        change(code, scored_at(code, before, **_cut(code)), scored_at(code, after, **_cut(code)))
        == expected
    )


def _cut(code):
    return {"cutpoint": 33} if code == "pcl5" else {}


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (40, 52, "improved"),
        (40, 48, "no_reliable_change"),
        (52, 40, "worsened"),
        (48, 40, "no_reliable_change"),
        (0, 100, "improved"),
    ],
)
def test_who5_change_is_12_percentage_points_and_higher_is_better(before, after, expected):
    assert change("who5", scored_at("who5", before // 4), scored_at("who5", after // 4)) == expected


@pytest.mark.parametrize("code", ["rses", "scs_sf", "brs", "dar5"])
def test_change_is_none_for_instruments_without_a_published_threshold(code):
    low, high = get(code).raw_range
    assert change(code, scored_at(code, low), scored_at(code, high)) is None


def test_change_refuses_results_from_another_instrument():
    phq9 = score("phq9", [0] * 9)
    gad7 = score("gad7", [0] * 7)
    with pytest.raises(ValueError, match="gad7"):
        change("phq9", phq9, gad7)
    with pytest.raises(ValueError, match="phq9"):
        change("gad7", phq9, gad7)


def test_change_refuses_an_unknown_instrument():
    result = score("phq9", [0] * 9)
    with pytest.raises(ValueError):
        change("nope", result, result)


# --- bad input ----------------------------------------------------------------


def test_too_few_answers_name_the_first_missing_item():
    with pytest.raises(ValueError, match=r"^item 9: "):
        score("phq9", [0] * 8)


def test_too_many_answers_name_the_first_extra_item():
    with pytest.raises(ValueError, match=r"^item 10: "):
        score("phq9", [0] * 10)


def test_an_empty_answer_list_names_item_1():
    with pytest.raises(ValueError, match=r"^item 1: "):
        score("gad7", [])


def test_a_missing_answer_is_refused_not_prorated():
    with pytest.raises(ValueError, match=r"^item 9: no answer was given"):
        score("phq9", [0, 0, 0, 0, 0, 0, 0, 0, None])


def test_a_missing_answer_in_the_middle_names_that_item():
    answers = [1] * 12
    answers[4] = None
    with pytest.raises(ValueError, match=r"^item 5: "):
        score("scs_sf", answers)


@pytest.mark.parametrize("value", [True, False])
def test_a_bool_answer_is_refused_even_though_bool_is_an_int(value):
    answers = [0] * 9
    answers[2] = value
    with pytest.raises(ValueError, match=r"^item 3: .*whole number"):
        score("phq9", answers)


@pytest.mark.parametrize("value", [1.0, "1", 1.5, b"1", [1]])
def test_a_non_integer_answer_is_refused(value):
    answers = [1] * 5
    answers[0] = value
    with pytest.raises(ValueError, match=r"^item 1: .*whole number"):
        score("who5", answers)


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("phq9", 4),
        ("phq9", -1),
        ("pcl5", 5),
        ("who5", 6),
        ("scs_sf", 0),
        ("brs", 6),
        ("rses", 4),
        ("dar5", 0),
    ],
)
def test_an_answer_outside_the_scale_names_the_item(code, value):
    answers = answers_with_raw_sum(code, get(code).raw_range[0])
    answers[1] = value
    with pytest.raises(ValueError, match=r"^item 2: .*outside the scale"):
        score(code, answers)


def test_error_messages_do_not_repeat_the_answer_itself():
    answers = [0] * 9
    answers[1] = 7
    with pytest.raises(AnswerError) as caught:
        score("phq9", answers)
    assert "7" not in str(caught.value)
    assert caught.value.item == 2


@pytest.mark.parametrize("answers", [None, "000000000", 12345])
def test_answers_that_are_not_a_list_of_numbers_are_refused(answers):
    with pytest.raises(ValueError):
        score("phq9", answers)


def test_answers_may_come_as_a_tuple():
    assert score("gad7", (1, 1, 1, 1, 1, 1, 1)).score == 7


def test_an_unknown_code_raises_value_error_not_key_error():
    with pytest.raises(ValueError, match="phq10") as caught:
        score("phq10", [0] * 9)
    assert isinstance(caught.value, UnknownInstrument)
    assert not isinstance(caught.value, KeyError)


def test_a_cut_point_is_refused_for_an_instrument_without_one():
    with pytest.raises(ValueError, match="cut-point"):
        score("phq9", [0] * 9, cutpoint=10)


@pytest.mark.parametrize("cutpoint", [0, 81, -3, True, "33", 33.0])
def test_a_cut_point_outside_the_pcl5_range_or_not_a_whole_number_is_refused(cutpoint):
    with pytest.raises(ValueError, match="cut-point"):
        score("pcl5", [0] * 20, cutpoint=cutpoint)


def test_the_score_repr_leaves_out_the_answers():
    result = score("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 3])
    assert "answers" not in repr(result)
    assert result.answers == (0, 0, 0, 0, 0, 0, 0, 0, 3)


def test_a_score_knows_its_instrument():
    assert score("dar5", [1] * 5).instrument.short_name == "DAR-5"


# --- the PCL-5 cut-point setting, in a fresh interpreter ----------------------
# Django settings can only be configured once per process, so each case runs
# in its own Python to see the real lookup rather than a stand-in.


def run_python(*snippets, **env_overrides):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(env_overrides)
    completed = subprocess.run(
        [sys.executable, "-c", "\n".join(textwrap.dedent(snippet) for snippet in snippets)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return completed


SCORE_AT_31 = """
    from reclaim.assessments.scoring import score
    result = score("pcl5", [2] * 15 + [1] + [0] * 4)
    print(result.raw_sum, result.cutpoint, result.band)
"""


def test_pcl5_uses_33_when_django_is_not_in_use():
    completed = run_python(SCORE_AT_31)
    assert completed.stdout.split() == ["31", "33", "below_cutpoint"], completed.stderr


def test_pcl5_reads_the_cut_point_from_django_settings_when_configured():
    completed = run_python(
        """
        from django.conf import settings
        settings.configure(RECLAIM_PCL5_CUTPOINT=31)
        """,
        SCORE_AT_31,
    )
    assert completed.stdout.split() == ["31", "31", "at_or_above_cutpoint"], completed.stderr


def test_pcl5_uses_33_when_django_settings_do_not_name_a_cut_point():
    completed = run_python(
        """
        from django.conf import settings
        settings.configure()
        """,
        SCORE_AT_31,
    )
    assert completed.stdout.split() == ["31", "33", "below_cutpoint"], completed.stderr


def test_pcl5_uses_33_when_the_settings_module_cannot_be_imported_yet():
    completed = run_python(SCORE_AT_31, DJANGO_SETTINGS_MODULE="reclaim.no_such_settings_module")
    assert completed.stdout.split() == ["31", "33", "below_cutpoint"], completed.stderr


def test_pcl5_fails_loudly_on_a_cut_point_setting_that_is_not_a_whole_number():
    completed = run_python(
        """
        from django.conf import settings
        settings.configure(RECLAIM_PCL5_CUTPOINT="31")
        """,
        SCORE_AT_31,
    )
    assert completed.returncode != 0
    assert "RECLAIM_PCL5_CUTPOINT" in completed.stderr
