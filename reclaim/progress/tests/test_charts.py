import re
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
from django.template.loader import render_to_string

from reclaim.progress.charts import Band, Marker, Series, line_chart
from reclaim.testing import html

SVG = "{http://www.w3.org/2000/svg}"
START = date(2026, 3, 1)


def days(values, start=START):
    return [(start + timedelta(days=i), v) for i, v in enumerate(values)]


def draw(series, **extra):
    options = {
        "title": "Mood over 30 days",
        "description": "A line for each scale.",
        "series": series,
        "start": START,
        "end": START + timedelta(days=29),
        "y_min": 0,
        "y_max": 10,
    }
    options.update(extra)
    return line_chart(**options)


def parse(chart):
    return ElementTree.fromstring(str(chart.svg))


def paths(root):
    return root.iter(f"{SVG}path")


def shown(root, element, name: str) -> str | None:
    """The presentation attribute a renderer without the page CSS applies: the
    element's own, else the nearest group's that holds it (they inherit)."""
    parents = {child: parent for parent in root.iter() for child in parent}
    while element is not None:
        if element.get(name) is not None:
            return element.get(name)
        element = parents.get(element)
    return None


def series_groups(root):
    return [g for g in root.iter(f"{SVG}g") if "series" in (g.get("class") or "").split()]


def scripts_and_styles(root) -> list[str]:
    """Every script element and every style or event-handler attribute in the drawing."""
    found = []
    for element in root.iter():
        if element.tag.removeprefix(SVG) in ("script", "style"):
            found.append(element.tag)
        found += [name for name in element.attrib if name == "style" or name.startswith("on")]
    return found


def test_the_svg_is_an_image_named_by_its_title_and_desc():
    chart = draw([Series("Mood", days([5, 6, 7]))])
    root = parse(chart)
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title.text == "Mood over 30 days"
    assert desc.text == "A line for each scale."
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]


def test_each_chart_gets_its_own_ids_so_two_on_a_page_do_not_clash():
    one = draw([Series("Mood", days([5]))])
    two = draw([Series("Mood", days([5]))])
    assert one.chart_id != two.chart_id


def test_it_carries_no_script_and_no_style_attributes():
    chart = draw([Series("Mood", days([5, 6, None, 7]))], bands=[Band(0, 4, "low")])
    assert scripts_and_styles(parse(chart)) == []


def test_a_missing_day_breaks_the_line_into_two_segments():
    chart = draw([Series("Mood", days([5, 6, None, 7, 8]))])
    (path,) = paths(parse(chart))
    moves = re.findall(r"M", path.get("d"))
    assert len(moves) == 2


def test_a_day_with_no_point_at_all_does_not_break_the_line():
    points = [(START, 5.0), (START + timedelta(days=14), 6.0)]
    (path,) = paths(parse(draw([Series("PHQ-9", points)])))
    assert path.get("d").count("M") == 1


def test_a_lone_point_between_gaps_is_still_drawn_as_a_dot():
    root = parse(draw([Series("Mood", days([5, None, 6, None, 7, 8]))]))
    dots = list(root.iter(f"{SVG}circle"))
    assert len(dots) == 2
    assert len(list(paths(root))) == 1


def coordinates(path):
    return [tuple(map(float, pair)) for pair in re.findall(r"[ML]([\d.]+) ([\d.]+)", path.get("d"))]


def test_values_map_to_heights_in_order_and_within_the_plot():
    chart = draw([Series("Mood", days([0, 5, 10, 2.5]))], height=260)
    (path,) = paths(parse(chart))
    ys = [y for _x, y in coordinates(path)]
    top, bottom = min(ys), max(ys)
    assert ys[0] == bottom  # 0 is at the bottom
    assert ys[2] == top  # 10 is at the top
    assert ys[1] == pytest.approx((top + bottom) / 2, abs=0.1)
    assert ys[3] == pytest.approx(bottom - (bottom - top) / 4, abs=0.1)
    assert 0 < top < bottom < 260


def test_values_outside_the_scale_are_drawn_at_its_edge():
    (path,) = paths(parse(draw([Series("Mood", days([-3, 0, 10, 14]))])))
    ys = [y for _x, y in coordinates(path)]
    assert ys[0] == ys[1]
    assert ys[2] == ys[3]


def test_dates_map_left_to_right_across_the_range():
    points = [(START, 1.0), (START + timedelta(days=29), 1.0)]
    root = parse(draw([Series("Mood", points)], width=640))
    (path,) = paths(root)
    (x1, _), (x2, _) = coordinates(path)
    assert 0 < x1 < x2 < 640


def test_points_outside_the_date_range_are_left_out():
    points = [(START - timedelta(days=3), 9.0), *days([4, 5])]
    chart = draw([Series("Mood", points)])
    (path,) = paths(parse(chart))
    assert len(coordinates(path)) == 2
    assert len(chart.rows) == 2


def test_lines_are_labelled_at_their_right_ends_and_labels_do_not_overlap():
    series = [Series(name, days([5, 5, 5])) for name in ("Mood", "Anger", "Anxiety", "Sleep")]
    root = parse(draw(series))
    labels = [t for t in root.iter(f"{SVG}text") if "series-label" in t.get("class")]
    assert [t.text for t in labels] == ["Mood", "Anger", "Anxiety", "Sleep"]
    ys = sorted(float(t.get("y")) for t in labels)
    assert all(b - a >= 12 for a, b in zip(ys, ys[1:]))
    assert all(0 < y < 260 for y in ys)
    (path, *_rest) = paths(root)
    line_end_x = coordinates(path)[-1][0]
    assert all(float(t.get("x")) > line_end_x for t in labels)


def test_series_get_the_design_system_classes_and_fallback_colours():
    root = parse(draw([Series("Mood", days([5, 6]), dots=True), Series("Sleep", days([3, 4]))]))
    first, second = series_groups(root)
    assert "series-1" in first.get("class")
    assert "series-2" in second.get("class")
    line, other = paths(root)
    assert shown(root, line, "stroke") == "#3f6b5a"
    assert shown(root, other, "stroke") != shown(root, line, "stroke")
    assert shown(root, line, "fill") == "none"
    # The dots take the line's colour from their group, without an outline.
    dot = next(first.iter(f"{SVG}circle"))
    assert shown(root, dot, "fill") == "#3f6b5a"
    assert shown(root, dot, "stroke") == "none"


def test_the_fallback_colours_are_written_once_per_group_not_on_every_shape():
    root = parse(draw([Series("Mood", days(list(range(10))), dots=True)]))
    shapes = [*paths(root), *root.iter(f"{SVG}circle"), *root.iter(f"{SVG}line")]
    assert len(shapes) > 10
    assert all(shape.get("stroke") is None for shape in shapes)


def test_a_given_class_chooses_the_matching_fallback_colour():
    root = parse(draw([Series("Sleep", days([5, 6]), css_class="series-4")]))
    (group,) = series_groups(root)
    assert "series-4" in group.get("class")
    (path,) = paths(root)
    assert shown(root, path, "stroke") == "#8a6d1d"


def test_y_ticks_are_drawn_with_their_numbers():
    root = parse(draw([Series("Mood", days([5]))], y_ticks=[0, 5, 10]))
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert {"0", "5", "10"} <= set(ticks)
    grid = [g for g in root.iter(f"{SVG}line") if g.get("class") == "grid"]
    assert len(grid) == 3


def test_a_few_dates_label_the_x_axis_from_first_to_last():
    root = parse(draw([Series("Mood", days([5]))]))
    texts = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert "1 Mar" in texts
    assert "30 Mar" in texts
    dates = [t for t in texts if re.match(r"\d+ [A-Z][a-z]{2}$", t)]
    assert 2 <= len(dates) <= 5


def test_bands_are_shaded_and_named():
    bands = [Band(0, 4, "Minimal"), Band(5, 9, "Mild", css_class="band-mild")]
    chart = draw([Series("Score", days([3, 7]))], y_min=0, y_max=27, bands=bands)
    root = parse(chart)
    rects = [r for r in root.iter(f"{SVG}rect") if "band" in r.get("class")]
    assert len(rects) == 2
    assert "band-mild" in rects[1].get("class")
    assert shown(root, rects[0], "fill") and rects[0].get("opacity")
    assert float(rects[0].get("y")) > float(rects[1].get("y"))  # lower scores sit lower
    names = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "band-label"]
    assert names == ["Minimal", "Mild"]
    assert chart.notes == ["Shaded: Minimal, 0 to 4.", "Shaded: Mild, 5 to 9."]


def test_markers_are_drawn_and_listed_in_the_table():
    marker = Marker(START + timedelta(days=1), 7, "Reliable change")
    chart = draw([Series("Score", days([3, 7]))], markers=[marker])
    root = parse(chart)
    (group,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "marker"]
    assert group.find(f"{SVG}text").text == "Reliable change"
    assert chart.columns[-1] == "Note"
    assert chart.rows[1][-1] == "Reliable change"
    assert chart.rows[0][-1] == ""


def test_every_label_is_escaped():
    nasty = '<script>alert("x")</script>'
    chart = line_chart(
        nasty,
        nasty,
        [Series(nasty, days([5, 6]), css_class='x" onclick="y')],
        START,
        START + timedelta(days=5),
        0,
        10,
        bands=[Band(0, 5, nasty)],
        markers=[Marker(START, 5, nasty)],
    )
    root = parse(chart)  # still well-formed
    assert scripts_and_styles(root) == []
    # The words are shown as typed, as text, never as markup.
    assert root.find(f"{SVG}title").text == nasty
    assert nasty in [text.text for text in root.iter(f"{SVG}text")]


def test_the_table_has_one_row_per_day_with_a_value():
    chart = draw(
        [
            Series("Mood", days([5, 6, None, 7])),
            Series("Sleep", days([4, None, None, 3])),
        ]
    )
    assert chart.columns == ["Date", "Mood", "Sleep"]
    assert [row[0] for row in chart.rows] == ["Sun 1 Mar", "Mon 2 Mar", "Wed 4 Mar"]
    assert chart.rows[0][1:] == ["5", "4"]
    assert chart.rows[1][1:] == ["6", "–"]


def test_table_dates_carry_the_year_when_the_rows_span_two():
    start = date(2025, 12, 30)
    chart = line_chart(
        "t", "d", [Series("Mood", days([5, 6, 7], start))], start, start + timedelta(days=2), 0, 10
    )
    assert [row[0] for row in chart.rows] == [
        "Tue 30 Dec 2025",
        "Wed 31 Dec 2025",
        "Thu 1 Jan 2026",
    ]


def test_the_table_has_thirty_rows_for_thirty_days():
    chart = draw([Series("Mood", days([i % 11 for i in range(30)]))])
    assert len(chart.rows) == 30


def test_the_include_renders_the_picture_and_a_table_of_the_numbers():
    chart = draw([Series("Mood", days([5, 6.25]))])
    figure = html.one(render_to_string("progress/_chart.html", {"chart": chart}), "figure")
    assert html.one(figure, "svg")["role"] == "img"
    # The numbers are folded under "Show the numbers", in a table named like the chart.
    numbers = html.one(figure, "details")
    assert html.words(html.one(numbers, "summary")) == "Show the numbers"
    assert html.words(html.one(numbers, "table caption")) == "Mood over 30 days"
    assert html.rows(numbers) == [
        ["Date", "Mood"],
        ["Sun 1 Mar", "5"],
        ["Mon 2 Mar", "6.3"],  # 6.25 rounded half up, as on every page
    ]


def test_coordinates_are_written_to_a_tenth_at_most():
    root = parse(draw([Series("Mood", days([1 / 3, 2 / 3, 5, 7.77]), dots=True)], width=333))
    numbers = re.findall(r"\d+(?:\.\d+)?", next(paths(root)).get("d"))
    numbers += [c.get(name) for c in root.iter(f"{SVG}circle") for name in ("cx", "cy")]
    assert all(re.fullmatch(r"\d+(\.\d)?", number) for number in numbers)
    assert not any(number.endswith(".0") for number in numbers)


def test_a_chart_drawn_for_a_phone_is_marked_to_scale_only_a_little_on_a_wide_screen():
    assert "chart-narrow" in parse(draw([Series("Mood", days([5]))], width=360)).get("class")
    assert "chart-narrow" not in parse(draw([Series("Mood", days([5]))], width=640)).get("class")


def test_the_include_draws_a_compact_copy_for_phones_when_given_one():
    chart = draw([Series("Mood", days([5]))])
    compact = draw([Series("Mood", days([5]))], width=340)
    page = render_to_string("progress/_chart.html", {"chart": chart, "compact": compact})
    # The page's style sheet shows one of the two, by the width of the screen.
    assert "chart-responsive" in html.one(page, "figure")["class"]
    assert [svg["width"] for svg in html.select(page, "figure svg")] == ["640", "340"]


def test_an_empty_chart_still_draws_its_frame():
    chart = draw([Series("Mood", days([None, None]))])
    root = parse(chart)
    assert root.get("role") == "img"
    assert chart.rows == []
