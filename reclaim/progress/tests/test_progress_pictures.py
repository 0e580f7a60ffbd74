from datetime import date, timedelta

import pytest

from reclaim.assessments.demo import seed_results
from reclaim.assessments.instruments import get
from reclaim.assessments.queries import series
from reclaim.checkins.queries import SCALES
from reclaim.progress.figures import chart_bands
from reclaim.progress.progress import PERIODS
from reclaim.progress.questionnaires import band_ranges, series_by_code
from reclaim.progress.trends import ScaleTrend, checkin_trends

from .makers import PCL5_20, PCL5_40, result


def edges(code: str, cutpoint: int | None = None) -> list[tuple[float, float, str]]:
    return [(b.low, b.high, b.label) for b in chart_bands(get(code), cutpoint)]


def test_neighbouring_bands_meet_half_way_and_reach_the_ends_of_the_range():
    assert [(low, high) for low, high, _ in edges("phq9")] == [
        (0, 4.5),
        (4.5, 9.5),
        (9.5, 14.5),
        (14.5, 19.5),
        (19.5, 27),
    ]


def test_bands_on_a_percentage_are_drawn_on_the_percentage():
    assert [(low, high) for low, high, _ in edges("who5")] == [(0, 30), (30, 50), (50, 100)]


def test_bands_written_on_the_sum_of_a_mean_scored_scale_are_drawn_on_the_mean():
    # SCS-SF: 12 items, bands on the sum (< 30, 30-41, >= 42), the score is the mean.
    assert [(low, high) for low, high, _ in edges("scs_sf")] == [
        (1, round(29.5 / 12, 3)),
        (round(29.5 / 12, 3), round(41.5 / 12, 3)),
        (round(41.5 / 12, 3), 5),
    ]


def test_the_pcl5_bands_follow_the_cut_point_and_keep_their_plain_labels():
    bands = edges("pcl5", cutpoint=31)
    assert [(low, high) for low, high, _ in bands] == [(0, 30.5), (30.5, 80)]
    assert all("PTSD" not in label for _, _, label in bands)


def test_band_ranges_are_the_published_ones_in_words():
    assert band_ranges(get("phq9"))[0] == "0 to 4: Few signs of low mood"
    assert band_ranges(get("scs_sf"))[0].startswith("1.00 to 2.42: ")
    assert band_ranges(get("pcl5"), 33)[1].startswith("33 to 80: ")


@pytest.mark.parametrize(
    "value, days", [("7", 7), ("30", 30), ("90", 90), ("365", 30), ("", 30), (None, 30)]
)
def test_the_period_is_one_of_7_30_or_90_days(value, days):
    assert PERIODS.chosen(value) == days


def test_reading_every_result_at_once_gives_the_same_points_and_changes_as_one_at_a_time(
    member,
):
    seed_results(member)
    result(member, "pcl5", PCL5_40, days_ago=0)
    result(member, "pcl5", PCL5_20, days_ago=0)
    grouped = series_by_code(member)
    assert set(grouped) == {"phq9", "gad7", "who5", "pcl5"}
    for code, points in grouped.items():
        one = series(member, code)
        assert [(p.result_id, p.score.score, p.change) for p in points] == [
            (p.result_id, p.score.score, p.change) for p in one
        ]


def trend(average, before) -> ScaleTrend:
    return ScaleTrend(SCALES[0], "Mood", None, None, average, before, 3)


@pytest.mark.parametrize(
    "average, before, words",
    [
        (6.0, 4.0, "Average 6.0 out of 10, up from 4.0 in the period before."),
        (4.0, 6.25, "Average 4.0 out of 10, down from 6.3 in the period before."),
        # Compared as shown: 4.24 and 4.16 both read 4.2.
        (4.24, 4.16, "Average 4.2 out of 10, about the same as 4.2 in the period before."),
        (5.0, None, "Average 5.0 out of 10; no check-ins in the period before to compare with."),
        (None, 5.0, "No check-ins in this period."),
    ],
)
def test_the_trend_sentence_compares_what_it_shows(average, before, words):
    assert trend(average, before).sentence == words


def test_trends_average_each_day_once_and_split_the_two_periods_exactly():
    today = date(2026, 3, 10)
    means = {
        today: dict.fromkeys(("mood", "anger", "anxiety", "sleep", "self_worth"), 8.0),
        today - timedelta(days=6): dict.fromkeys(
            ("mood", "anger", "anxiety", "sleep", "self_worth"), 4.0
        ),
        # The first day of the week before, and one day before that (ignored).
        today - timedelta(days=7): dict.fromkeys(
            ("mood", "anger", "anxiety", "sleep", "self_worth"), 2.0
        ),
        today - timedelta(days=14): dict.fromkeys(
            ("mood", "anger", "anxiety", "sleep", "self_worth"), 0.0
        ),
    }
    trends = checkin_trends(means, today, 7, compact=False)
    assert [t.label for t in trends] == ["Mood", "Anger", "Anxiety", "Sleep", "Self-worth"]
    mood = trends[0]
    assert (mood.average, mood.before, mood.days_recorded) == (6.0, 2.0, 2)
    assert mood.compact is None
    # The table under each small chart names its scale.
    assert mood.chart.columns == ["Date", "Mood"]
    assert [row[1] for row in mood.chart.rows] == ["4", "8"]
