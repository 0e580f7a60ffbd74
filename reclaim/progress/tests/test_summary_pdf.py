import io
import re
import socket
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reclaim.assessments.scoring import score
from reclaim.progress.summary import (
    EXCERPT_LIMIT,
    STYLESHEET,
    clinician_note,
    excerpts,
    filename,
    local_only_fetcher,
    render_summary_html,
    render_summary_pdf,
)
from reclaim.testing import html

from .makers import PCL5_20, PCL5_40, PHQ9_6, PHQ9_8, checkin, entry, result, today_of

# Item 9 answered "Several days" (1): on purpose here, for the clinician's note.
PHQ9_ITEM9_SEVERAL_DAYS = [1, 1, 1, 1, 1, 1, 1, 0, 1]
PHQ9_ITEM9_NEARLY_EVERY_DAY = [0, 0, 0, 0, 0, 0, 0, 0, 3]


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the summary tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_it_renders_a_pdf_with_title_period_trends_and_scores_without_the_network(
    member, no_network
):
    today = today_of(member)
    for n in range(10):
        checkin(member, today - timedelta(days=n), mood=6)
    result(member, "phq9", PHQ9_8, days_ago=3)
    result(member, "pcl5", PCL5_40, days_ago=3)
    data = render_summary_pdf(member, entry_ids=[])
    assert data.startswith(b"%PDF")
    text = text_of(data)
    assert "Summary for Robin" in text
    assert "The last 90 days:" in text
    assert f"Made on {today.day} {today:%B %Y}" in text
    assert "Daily check-ins" in text and "Mood 6.0" in text
    assert "PHQ-9 · Mood and energy" in text and "8 out of 27" in text
    # Inside the PDF the short names a therapist knows; never the word "PTSD".
    assert "PCL-5 · Stress reactions" in text
    assert "PTSD" not in text
    assert "Page 1 of" in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Summary"


def test_parts_can_be_left_out(member):
    checkin(member, today_of(member))
    result(member, "phq9", PHQ9_8, days_ago=3)
    neither = html.words(
        render_summary_html(member, [], include_scores=False, include_checkins=False)
    )
    assert "Daily check-ins" not in neither and "Questionnaires" not in neither
    only_scores = html.words(render_summary_html(member, [], include_checkins=False))
    assert "Daily check-ins" not in only_scores and "PHQ-9" in only_scores


def test_the_period_limits_the_scores_and_the_check_ins(member):
    today = today_of(member)
    result(member, "phq9", PHQ9_8, days_ago=60)
    checkin(member, today - timedelta(days=60), mood=9)
    month = html.words(render_summary_html(member, [], days=30))
    assert "No questionnaires answered in this period." in month
    assert "No check-ins in this period." in month
    assert "PHQ-9" in html.words(render_summary_html(member, [], days=90))


def test_a_long_entry_is_cut_at_2000_characters_with_a_note(member):
    long_body = "word " * 1000
    made = entry(member, "Long", long_body)
    [excerpt] = excerpts(member, [made.id])
    assert excerpt.cut
    assert len(excerpt.text) <= EXCERPT_LIMIT + 1
    summary = render_summary_html(member, [str(made.id)], include_checkins=False)
    assert "The first 2,000 characters of a longer entry." in html.words(summary)


def test_only_the_members_own_entries_are_ever_found(member, other_member):
    mine = entry(member, "Mine", "Mine to share.")
    theirs = entry(other_member, "Theirs", "Not for this summary.")
    found = excerpts(member, [theirs.id, mine.id, "not-an-id", None, 42])
    assert [e.title for e in found] == ["Mine"]
    text = text_of(render_summary_pdf(member, entry_ids=[str(theirs.id)]))
    assert "Not for this summary." not in text


def test_words_that_look_like_html_stay_words_and_fetch_nothing(member, no_network):
    made = entry(member, "Markup", '<img src="http://example.org/x.png"> <b>bold</b>')
    text = text_of(render_summary_pdf(member, entry_ids=[made.id], include_checkins=False))
    assert '<img src="http://example.org/x.png">' in text


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/style.css",
        "https://example.org/font.woff2",
        "ftp://example.org/x",
        "file:///etc/passwd",
        STYLESHEET.parent.parent.as_uri() + "/../static/progress/../../progress.py",
    ],
)
def test_the_fetcher_refuses_everything_but_data_and_our_own_static_files(url):
    fetcher = local_only_fetcher()
    with pytest.raises(ValueError):
        fetcher(url)


def test_the_fetcher_serves_data_uris_and_our_stylesheet():
    fetcher = local_only_fetcher()
    assert fetcher("data:text/plain;base64,aGVsbG8=").read() == b"hello"
    assert b"@page" in fetcher(STYLESHEET.as_uri()).read()


def test_the_file_name_is_neutral_and_uses_the_members_own_month(member):
    member.timezone = "Pacific/Auckland"
    # Still October in UTC, already November in Auckland.
    assert filename(member, datetime(2026, 10, 31, 12, 0, tzinfo=UTC)) == "summary-2026-11.pdf"


def test_a_period_must_be_at_least_a_day(member):
    with pytest.raises(ValueError):
        render_summary_pdf(member, entry_ids=[], days=0)


def row_of(summary: str, day) -> list[str]:
    """The cells after the date in the first table row for ``day``."""
    for row in html.rows(summary):
        if row and re.fullmatch(rf"{day:%a} {day.day} {day:%b}( {day.year})?", row[0]):
            return row[1:]
    raise AssertionError(f"no row for {day}")


def test_a_phq9_with_item_9_above_not_at_all_is_noted_with_its_answer(member):
    today = today_of(member)
    result(member, "phq9", PHQ9_6, days_ago=40)
    result(member, "phq9", PHQ9_ITEM9_SEVERAL_DAYS, days_ago=3)
    text = text_of(render_summary_pdf(member, entry_ids=[], include_checkins=False))
    assert "Item 9 answered: several days." in text
    assert text.count("Item 9 answered") == 1
    summary = render_summary_html(member, [], include_checkins=False)
    assert row_of(summary, today - timedelta(days=3))[-1] == "Item 9 answered: several days."
    assert not any("Item 9" in cell for cell in row_of(summary, today - timedelta(days=40)))


def test_a_pcl5_meeting_the_dsm5_pattern_is_noted_and_one_that_does_not_is_not(member):
    result(member, "pcl5", PCL5_20, days_ago=40)
    result(member, "pcl5", PCL5_40, days_ago=3)
    text = text_of(render_summary_pdf(member, entry_ids=[], include_checkins=False))
    assert "DSM-5 cluster pattern met." in text
    assert text.count("DSM-5") == 1
    assert "PTSD" not in text


def test_results_without_either_flag_get_no_note_and_no_note_column(member):
    result(member, "phq9", PHQ9_8, days_ago=3)
    result(member, "pcl5", PCL5_20, days_ago=3)
    text = text_of(render_summary_pdf(member, entry_ids=[], include_checkins=False))
    assert "PHQ-9 · Mood and energy" in text and "PCL-5 · Stress reactions" in text
    assert "Item 9" not in text
    assert "DSM-5" not in text
    summary = render_summary_html(member, [], include_checkins=False)
    column_names = [html.words(cell) for cell in html.select(summary, "th[scope=col]")]
    assert column_names
    assert "Note" not in column_names


def test_the_note_uses_the_answers_own_words():
    phq9 = score("phq9", PHQ9_ITEM9_NEARLY_EVERY_DAY)
    assert clinician_note(phq9.instrument, phq9) == "Item 9 answered: nearly every day."
    assert clinician_note(phq9.instrument, score("phq9", PHQ9_8)) == ""
    pcl5 = score("pcl5", PCL5_40)
    assert clinician_note(pcl5.instrument, pcl5) == "DSM-5 cluster pattern met."


def test_the_clinicians_notes_never_reach_the_members_own_pages(member_client, member):
    result(member, "phq9", PHQ9_ITEM9_SEVERAL_DAYS, days_ago=3)
    result(member, "pcl5", PCL5_40, days_ago=3)
    page = member_client.get(reverse("progress:progress"))
    for code in ("phq9", "pcl5"):
        html.one(page, f'section[aria-labelledby="instrument-{code}"]')
    assert "Item 9" not in html.words(page)
    assert "DSM" not in html.words(page)
