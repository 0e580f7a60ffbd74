import io
import logging
import re
from datetime import timedelta

from django.urls import reverse
from pypdf import PdfReader

from reclaim.testing import html

from .makers import PHQ9_8, PHQ9_20, checkin, entry, result, today_of

URL = reverse("progress:summary")


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    # Line breaks fall wherever the layout wraps; compare on single spaces.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def period_chosen(page) -> list[str]:
    """The period radio buttons' values, and which of them is checked."""
    radios = html.select(page, 'input[type="radio"][name="days"]')
    return [str(radio["value"]) for radio in radios if radio.has_attr("checked")]


def entries_offered(page) -> list[str]:
    """The ids of the journal entries the form offers to quote."""
    return [str(box["value"]) for box in html.select(page, 'input[name="entries"]')]


def post(client, **data):
    fields = {"days": "90", "include_checkins": "1", "include_scores": "1"} | data
    return client.post(URL, {k: v for k, v in fields.items() if v is not None})


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    for response in (client.get(URL), client.post(URL, {"days": "90"})):
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_the_form_has_a_plain_title_and_offers_periods_and_what_to_include(member_client):
    response = member_client.get(URL)
    assert response.status_code == 200
    assert html.title(response).startswith("Summary ·")
    assert "no-store" in response["Cache-Control"]
    radios = html.select(response, 'input[type="radio"][name="days"]')
    assert [str(radio["value"]) for radio in radios] == ["30", "90", "365"]
    assert period_chosen(response) == ["90"]
    assert html.values(response, "include_checkins") == ["1"]
    assert html.values(response, "include_scores") == ["1"]
    assert "No journal entries in this period." in html.words(html.main(response))


def test_it_lists_the_members_entries_in_the_period_by_day_and_kind_never_their_words(
    member_client, member, other_member
):
    today = today_of(member)
    recent = entry(member, "The quiet kitchen", "I sat at the table for a long while.", today)
    older = entry(member, "Before", "Months ago.", today - timedelta(days=100))
    entry(other_member, "Not yours", "Someone else's words.", today)
    page = member_client.get(URL)
    assert entries_offered(page) == [str(recent.id)]
    label = html.words(html.one(page, f'label[for="entry-{recent.id}"]'))
    assert label == f"{today:%A %-d %B} Free writing · 9 words"
    words = html.words(page)
    assert "The quiet kitchen" not in words
    assert "sat at the table" not in words
    assert "Not yours" not in words

    year = member_client.get(URL + "?days=365")
    assert str(older.id) in entries_offered(year)
    assert period_chosen(year) == ["365"]


def test_it_returns_the_pdf_as_a_neutrally_named_attachment_kept_nowhere(member_client, member):
    checkin(member, today_of(member), mood=7)
    response = post(member_client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert re.fullmatch(
        r'attachment; filename="summary-\d{4}-\d{2}\.pdf"', response["Content-Disposition"]
    )
    assert f"summary-{today_of(member):%Y-%m}.pdf" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")


def test_the_pdf_holds_the_scores_and_the_chosen_excerpt_only(member_client, member):
    today = today_of(member)
    result(member, "phq9", PHQ9_20, days_ago=50)
    result(member, "phq9", PHQ9_8, days_ago=5)
    chosen = entry(member, "By the river", "I walked by the river and felt the cold air.", today)
    entry(member, "The quiet kitchen", "Nobody should read this one.", today)
    response = post(member_client, entries=[str(chosen.id)])
    text = pdf_text(response.content)
    assert "Summary for Robin" in text
    assert "PHQ-9 · Mood and energy" in text
    assert "8 out of 27 (some low mood)" in text
    assert "A real improvement" in text
    assert "I walked by the river and felt the cold air." in text
    assert "quiet kitchen" not in text
    assert "Nobody should read this one." not in text
    assert "not a diagnosis" in text


def test_another_members_entry_ids_are_ignored_and_never_leak(
    member_client, other_client, member, other_member
):
    theirs = entry(other_member, "Their secret", "Words that belong to someone else.")
    mine = entry(member, "Mine", "My own words for the session.")
    response = post(member_client, entries=[str(theirs.id), str(mine.id)])
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "My own words for the session." in text
    assert "someone else" not in text and "Their secret" not in text

    # And the other way round: asking for only someone else's entry quotes nothing.
    response = post(other_client, entries=[str(mine.id)], include_checkins=None)
    assert "My own words" not in response.content.decode(errors="ignore")
    page = other_client.get(URL)
    assert str(mine.id) not in entries_offered(page)
    assert str(mine.id) not in page.content.decode()
    assert "Mine" not in html.words(page)


def test_nothing_to_include_is_a_kind_error_not_an_empty_pdf(member_client, member):
    response = post(member_client, include_checkins=None, include_scores=None)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    message = html.one(response, "#summary-error")
    assert "There is nothing to put in the summary yet." in html.words(message)
    # A screen reader hears the message with the choices it is about.
    choices = html.one(response, 'fieldset[aria-describedby="summary-error"]')
    assert "Check-ins: charts and averages" in html.words(choices)


def test_the_form_keeps_every_choice_when_something_is_wrong(member_client, member):
    picked = entry(member, "Picked", "Chosen words.")
    left = entry(member, "Left out", "Other words.")
    response = post(member_client, days="12", include_checkins=None, entries=[str(picked.id)])
    assert "Could you choose one of the periods?" in html.words(html.main(response))
    assert html.values(response, "entries") == [str(picked.id)]
    assert str(left.id) in entries_offered(response)
    assert html.values(response, "include_checkins") == []
    assert html.values(response, "include_scores") == ["1"]


def test_the_summary_never_reaches_the_logs(member_client, member, caplog):
    secret = "A sentence that must never be logged."
    chosen = entry(member, "Private", secret)
    result(member, "phq9", PHQ9_8, days_ago=2)
    with caplog.at_level(logging.DEBUG):
        response = post(member_client, entries=[str(chosen.id)])
    assert response.status_code == 200
    for record in caplog.records:
        text = record.getMessage()
        assert secret not in text and "%PDF" not in text and "Private" not in text
