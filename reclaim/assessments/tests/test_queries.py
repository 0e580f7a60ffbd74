from datetime import timedelta

import pytest
from django.utils import timezone

from reclaim.assessments import actions, queries
from reclaim.assessments.scoring import Score


def test_the_default_questionnaires_are_the_six_in_the_brief(settings):
    settings.RECLAIM_ENABLED_INSTRUMENTS = []
    codes = [instrument.code for instrument in queries.enabled_instruments()]
    assert codes == ["phq9", "gad7", "pcl5", "who5", "scs_sf", "rses"]


def test_an_operator_can_add_brs_and_dar5(settings):
    settings.RECLAIM_ENABLED_INSTRUMENTS = ["BRS", "dar5"]
    codes = [instrument.code for instrument in queries.enabled_instruments()]
    assert codes[-2:] == ["brs", "dar5"]


def test_no_cssrs_anywhere():
    assert queries.unknown_codes(["cssrs", "c_ssrs", "phq9"]) == ["cssrs", "c_ssrs"]


def test_results_for_is_one_query_and_a_key_read_oldest_first(
    member, other_member, django_assert_num_queries
):
    now = timezone.now()
    later = actions.do_save_result(member, "phq9", [1] * 9, taken=now)
    earlier = actions.do_save_result(member, "gad7", [1] * 7, taken=now - timedelta(days=3))
    actions.do_save_result(other_member, "phq9", [1] * 9)
    # The rows, and the member's key to open their summaries.
    with django_assert_num_queries(2):
        everything = queries.results_for(member)
    assert everything == [earlier, later]
    assert queries.results_for(member, "phq9") == [later]


def test_series_rebuilds_scores_and_labels_reliable_change(member):
    now = timezone.now()
    actions.do_save_result(member, "phq9", [2] * 8 + [0], taken=now - timedelta(days=60))  # 16
    actions.do_save_result(member, "phq9", [1] * 8 + [0], taken=now - timedelta(days=30))  # 8
    actions.do_save_result(member, "phq9", [1] * 8 + [1], taken=now)  # 9
    points = queries.series(member, "phq9")
    assert [point.change for point in points] == [None, "improved", "no_reliable_change"]
    taken, score = points[1]
    assert isinstance(score, Score)
    assert (score.score, score.band, score.raw_sum) == (8, "mild", 8)
    assert points[2].score.flags == frozenset({"safety"})
    assert taken < points[2].taken


def test_series_has_no_change_labels_without_a_threshold(member):
    now = timezone.now()
    actions.do_save_result(member, "scs_sf", [1] * 12, taken=now - timedelta(days=60))
    actions.do_save_result(member, "scs_sf", [5] * 12, taken=now)
    assert [point.change for point in queries.series(member, "scs_sf")] == [None, None]


def test_series_refuses_an_unknown_code(member):
    with pytest.raises(ValueError):
        queries.series(member, "nope")
