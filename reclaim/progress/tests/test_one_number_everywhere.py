"""The same check-ins show the same figures on Today, on Progress, in the PDF and in the charts.

The data are chosen where naive float rounding and half-up rounding part
ways: yesterday's mood averages 6.2, today's four check-ins 6.25, and the
two days together 6.25 again. Python's ``f"{6.25:.1f}"`` reads "6.2"; a
member rounding by hand, and every page here, reads "6.3". Pages are
parsed, and figures are read from the cells, rows and points a member or a
screen reader meets, not found as substrings of the markup.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import tinyhtml5
from django.urls import reverse

from reclaim.progress.summary import render_summary_html

from .makers import checkin, today_of

SVG = "{http://www.w3.org/2000/svg}"
DAY_TABLE = "Your check-ins, day by day, out of 10"


def parse(html: str):
    return tinyhtml5.parse(html, namespace_html_elements=False)


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def table_with_caption(root, caption: str):
    (table,) = [t for t in root.iter("table") if any(text(c) == caption for c in t.iter("caption"))]
    return table


def rows_of(table) -> tuple[list[str], dict[str, list[str]]]:
    """The column headings, and each row's cells by the words of its row header."""
    header = [text(th) for th in table.find("thead").iter("th")]
    rows = {}
    for tr in table.find("tbody").iter("tr"):
        cells = [text(cell) for cell in tr]
        rows[cells[0]] = cells[1:]
    return header, rows


def cell(table, row: str, column: str) -> str:
    header, rows = rows_of(table)
    return rows[row][header.index(column) - 1]


def section_about(root, heading: str):
    """The <section> whose heading reads ``heading``."""
    for section in root.iter("section"):
        first = next((h for h in section if h.tag in ("h2", "h3")), None)
        if first is not None and text(first) == heading:
            return section
    raise AssertionError(f"no section headed {heading!r}")


def last_value_drawn(svg) -> float:
    """The value the line's last point stands for, read back from the chart's own grid."""
    ticks = {text(t): float(t.get("y")) for t in svg.iter(f"{SVG}text") if t.get("class") == "tick"}
    grid = sorted(
        float(line.get("y1")) for line in svg.iter(f"{SVG}line") if line.get("class") == "grid"
    )
    zero, ten = max(grid), min(grid)
    assert ticks["0"] > ticks["10"]  # the 0 line is the lowest
    (path,) = list(svg.iter(f"{SVG}path"))
    last_y = float(path.get("d").rsplit(" ", 1)[1])
    return (zero - last_y) / (zero - ten) * 10


@pytest.fixture
def moods(member):
    today = today_of(member)
    for mood in (6, 6, 6, 7):
        checkin(member, today, mood=mood)
    for mood in (6, 6, 6, 6, 7):
        checkin(member, today - timedelta(days=1), mood=mood)
    return today


def test_naive_rounding_would_disagree_with_these_figures():
    # The point of the data: without one rule, pages could show 6.2 here.
    assert f"{(6.3 + 6.2) / 2:.1f}" == "6.2"


def test_today_progress_the_pdf_and_the_charts_show_the_same_figures(member_client, member, moods):
    today_page = parse(member_client.get(reverse("progress:today")).content.decode())
    progress_page = parse(
        member_client.get(reverse("progress:progress"), {"days": 30}).content.decode()
    )
    pdf = parse(render_summary_html(member, [], days=30))

    # Today's own numbers: the mean of today's four check-ins.
    numbers = {
        text(pair.find("dt")): text(pair.find("dd"))
        for dl in today_page.iter("dl")
        for pair in dl.iter("div")
    }
    assert numbers["Mood"] == "6.3"

    # The 30-day average, in words on Today and on Progress, and in the tables.
    assert "your mood averaged 6.3 out of 10" in text(section_about(today_page, "The last 30 days"))
    mood_on_progress = section_about(progress_page, "Mood")
    assert text(mood_on_progress.find("p")).startswith("Average 6.3 out of 10")
    (averages,) = [
        t for t in progress_page.iter("table") if text(t.find("caption")).startswith("Averages")
    ]
    assert cell(averages, "Mood", "Last 30 days") == "6.3"
    (pdf_averages,) = [t for t in pdf.iter("table") if t.get("class") == "averages"]
    assert cell(pdf_averages, "Mood", "Average, this period") == "6.3"

    # Each day's figure, in the day-by-day tables of Today and Progress.
    for page in (today_page, progress_page):
        days = table_with_caption(page, DAY_TABLE)
        header, rows = rows_of(days)
        mood = header.index("Mood") - 1
        assert [cells[mood] for cells in rows.values()] == ["6.2", "6.3"]
        assert len(rows) == 2

    # The charts draw today's point at 6.3, on the page and in the PDF.
    wide_chart = next(mood_on_progress.iter(f"{SVG}svg"))
    (pdf_mood,) = [f for f in pdf.iter("figure") if text(f.find("figcaption")) == "Mood"]
    for svg in (wide_chart, next(pdf_mood.iter(f"{SVG}svg"))):
        assert last_value_drawn(svg) == pytest.approx(6.3, abs=0.01)


def test_which_way_is_lighter_reads_the_same_on_today_progress_and_the_pdf(
    member_client, member, moods
):
    note = (
        "Higher is lighter for mood, sleep and self-worth. For anger and anxiety, lower is lighter."
    )
    today_page = parse(member_client.get(reverse("progress:today")).content.decode())
    progress_page = parse(member_client.get(reverse("progress:progress")).content.decode())
    pdf = parse(render_summary_html(member, [], days=30))
    for page in (today_page, progress_page):
        assert note in [text(p) for p in page.iter("p")]
    assert any(text(p).endswith(note) for p in pdf.iter("p"))
