import io
import socket
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from reclaim.progress.summary import (
    EXCERPT_LIMIT,
    STYLESHEET,
    excerpts,
    filename,
    local_only_fetcher,
    render_summary_html,
    render_summary_pdf,
)

from .makers import PCL5_40, PHQ9_8, checkin, entry, result, today_of


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
    assert "PHQ-9 · Mood" in text and "8 out of 27" in text
    # Inside the PDF the short names a therapist knows; never the word "PTSD".
    assert "PCL-5 · Stress reactions" in text
    assert "PTSD" not in text
    assert "Page 1 of" in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Summary"


def test_parts_can_be_left_out(member):
    checkin(member, today_of(member))
    result(member, "phq9", PHQ9_8, days_ago=3)
    html = render_summary_html(member, [], include_scores=False, include_checkins=False)
    assert "Daily check-ins" not in html and "Questionnaires" not in html
    only_scores = render_summary_html(member, [], include_checkins=False)
    assert "Daily check-ins" not in only_scores and "PHQ-9" in only_scores


def test_the_period_limits_the_scores_and_the_check_ins(member):
    today = today_of(member)
    result(member, "phq9", PHQ9_8, days_ago=60)
    checkin(member, today - timedelta(days=60), mood=9)
    html = render_summary_html(member, [], days=30)
    assert "No questionnaires answered in this period." in html
    assert "No check-ins in this period." in html
    assert "PHQ-9" in render_summary_html(member, [], days=90)


def test_a_long_entry_is_cut_at_2000_characters_with_a_note(member):
    long_body = "word " * 1000
    made = entry(member, "Long", long_body)
    [excerpt] = excerpts(member, [made.id])
    assert excerpt.cut
    assert len(excerpt.text) <= EXCERPT_LIMIT + 1
    html = render_summary_html(member, [str(made.id)], include_checkins=False)
    assert "The first 2,000 characters of a longer entry." in html


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
