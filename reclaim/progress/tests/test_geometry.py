"""Where a chart puts things, tested as numbers: no SVG to parse."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reclaim.progress.geometry import (
    CHAR_WIDTH,
    FONT_SIZE,
    LABEL_GAP,
    Band,
    Marker,
    Series,
    layout,
    nice_ticks,
    segments,
    spread_labels,
)

START = date(2026, 3, 1)
END = START + timedelta(days=29)


def days(values, start=START):
    return [(start + timedelta(days=i), v) for i, v in enumerate(values)]


def place(series, **extra):
    options = {
        "series": series,
        "start": START,
        "end": END,
        "y_min": 0,
        "y_max": 10,
        "ticks": [0, 5, 10],
    }
    options.update(extra)
    return layout(**options)


def test_a_missing_value_splits_a_line_into_runs_and_a_missing_day_does_not():
    runs = segments([(START, 5), (START + timedelta(days=1), None), (START + timedelta(days=5), 6)])
    assert runs == [[(START, 5.0)], [(START + timedelta(days=5), 6.0)]]
    assert len(segments(days([5, 6, 7]))) == 1
    assert segments(days([None, None])) == []


def test_a_gap_becomes_a_second_move_in_the_path_and_a_lone_day_a_dot():
    (line,) = place([Series("Mood", days([5, 6, None, 7, 8, None, 9]))]).lines
    assert line.path.count("M") == 2
    assert line.path.count("L") == 2
    assert len(line.dots) == 1  # the 9, alone after the last gap


def test_heights_follow_the_values_and_stay_inside_the_plot():
    placed = place([Series("Mood", days([0, 5, 10, 14, -2]), dots=True)])
    ys = [dot.y for dot in placed.lines[0].dots]
    assert ys[0] == placed.bottom
    assert ys[2] == placed.top
    assert ys[1] == pytest.approx((placed.top + placed.bottom) / 2, abs=0.1)
    assert ys[3] == ys[2] and ys[4] == ys[0]  # beyond the scale: drawn at its edge


def test_the_first_and_last_day_sit_at_the_plot_edges():
    placed = place([Series("Mood", [(START, 1.0), (END, 1.0)], dots=True)])
    first, last = placed.lines[0].dots
    assert (first.x, last.x) == (placed.left, placed.right)
    assert placed.dates[0].text == "1 Mar" and placed.dates[0].anchor == "start"
    assert placed.dates[-1].text == "30 Mar" and placed.dates[-1].anchor == "end"
    assert 2 <= len(placed.dates) <= 5


def test_a_long_span_labels_its_axis_with_months():
    placed = place([], end=START + timedelta(days=500))
    assert placed.dates[0].text == "Mar 2026"


def test_grid_lines_carry_their_numbers_briefly():
    placed = place([], ticks=[0, 2.5, 5, 12])
    assert [line.label.text for line in placed.grid] == ["0", "2.5", "5"]  # 12 is off the scale


def test_bands_stack_upwards_and_a_thin_band_goes_unnamed():
    placed = place([], bands=[Band(0, 4, "Low"), Band(4, 9.8, "Middle"), Band(9.8, 10, "Top")])
    low, middle, top = placed.bands
    assert low.y > middle.y > top.y
    assert (low.alternate, middle.alternate) == (False, True)
    assert low.name.text == "Low" and top.name is None


def test_direct_labels_sit_right_of_the_lines_and_apart():
    series = [Series(name, days([5, 5])) for name in ("Mood", "Anger", "Sleep")]
    placed = place(series)
    labels = [line.label for line in placed.lines]
    assert [label.text for label in labels] == ["Mood", "Anger", "Sleep"]
    assert all(label.x > placed.right for label in labels)
    ys = sorted(label.y for label in labels)
    assert all(b - a >= LABEL_GAP - 0.1 for a, b in zip(ys, ys[1:], strict=False))


def test_a_line_with_no_values_has_no_label_and_does_not_shift_the_others():
    placed = place([Series("Empty", days([None])), Series("Mood", days([5, 6]))])
    assert placed.lines[0].label is None
    assert placed.lines[1].label.text == "Mood"


def test_a_marker_near_the_top_puts_its_words_below_the_dot():
    placed = place([], markers=[Marker(START, 10, "Better"), Marker(END, 0, "Harder")])
    high, low = placed.markers
    assert high.label.y > high.at.y
    assert low.label.y < low.at.y
    assert placed.left <= high.label.x <= placed.right


def words_box(label):
    """Where a label's words sit, as generously as the layout guesses it."""
    width = len(label.text) * CHAR_WIDTH
    left = {"start": label.x, "end": label.x - width}.get(label.anchor, label.x - width / 2)
    return (left, label.y - FONT_SIZE, left + width, label.y + 3)


def apart(one, other):
    return one[2] <= other[0] or other[2] <= one[0] or one[3] <= other[1] or other[3] <= one[1]


def test_a_markers_words_never_sit_on_a_band_name_or_on_another_markers_words():
    bands = [Band(0, 3, "Very low well-being"), Band(3, 5, "Low well-being"), Band(5, 10, "Good")]
    markers = [
        Marker(START + timedelta(days=2), 2.0, "Harder"),
        Marker(START + timedelta(days=4), 3.5, "Better"),
        Marker(START + timedelta(days=5), 3.6, "Better"),
        Marker(START + timedelta(days=20), 6.0, "Better"),
    ]
    placed = place([], bands=bands, markers=markers, width=360, height=240)
    names = [words_box(area.name) for area in placed.bands if area.name]
    words = [words_box(m.label) for m in placed.markers if m.label.text]
    assert all(apart(one, name) for one in words for name in names)
    assert all(apart(one, other) for k, one in enumerate(words) for other in words[k + 1 :])
    # Every change keeps its ringed dot; the one with room keeps its words.
    assert len(placed.markers) == 4
    assert placed.markers[-1].label.text == "Better"


def test_a_markers_words_stay_off_the_points_of_its_line():
    # The point after the change sits right where the words would go above it.
    values = [5, 5, 5, 5.8, 5, 5]
    marker = Marker(START + timedelta(days=2), 5.0, "Better")
    placed = place([Series("", days(values))], markers=[marker], width=360, height=240)
    (mark,) = placed.markers
    plot_height = placed.bottom - placed.top
    points = [
        (placed.left + i / 29 * placed.plot_width, placed.bottom - v / 10 * plot_height)
        for i, v in enumerate(values)
    ]
    assert mark.label.text == "Better"
    box = words_box(mark.label)
    assert all(apart(box, (x - 4, y - 4, x + 4, y + 4)) for x, y in points)
    assert mark.label.y > mark.at.y  # moved below, where there is room


def test_nice_ticks_are_round_numbers():
    assert nice_ticks(0, 10) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(0, 27) == [0, 5, 10, 15, 20, 25]
    assert nice_ticks(0, 80) == [0, 20, 40, 60, 80]


def test_crowded_labels_are_spread_and_kept_in_bounds():
    placed = spread_labels([100, 100, 101, 240], gap=15, top=20, bottom=240)
    assert sorted(placed)[1] - sorted(placed)[0] >= 15
    assert max(placed) <= 240 and min(placed) >= 20
    bottom_heavy = spread_labels([239, 240, 240], gap=15, top=20, bottom=240)
    assert sorted(bottom_heavy) == [210, 225, 240]


@given(st.lists(st.floats(min_value=0, max_value=240), min_size=1, max_size=8))
def test_spread_labels_never_overlap_and_keep_their_order(wanted):
    placed = spread_labels(wanted, gap=15, top=20, bottom=240)
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    ys = [placed[i] for i in order]
    assert all(b - a >= 15 - 1e-9 for a, b in zip(ys, ys[1:], strict=False))
