"""One agreement: its words, its counts and what was noticed about it."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing import html


def test_it_shows_the_agreement_its_counts_and_its_notes(
    member_client, member, agreement, notice, agree
):
    notice(member, agreement, "kept", note="A quiet week.")
    notice(member, agreement, "broken", note="Found out a day late.")
    other = agree(member, "Counselling every week.")
    notice(member, other, "kept", note="Went to the session.")
    main = html.main(member_client.get(reverse("trust:agreement", args=[agreement.pk])))
    text = html.words(main)
    assert "No contact with the other person." in text
    assert "Since 5 January 2026. Active." in text
    assert "In the last 30 days: kept once, broken once." in text
    assert "A quiet week." in text and "Found out a day late." in text
    assert "Went to the session." not in text
    assert any(href.endswith(f"?agreement={agreement.pk}") for href in html.hrefs(main))


def test_a_missing_agreement_is_a_404(member_client):
    url = reverse("trust:agreement", args=["00000000-0000-0000-0000-000000000000"])
    assert member_client.get(url).status_code == 404


def test_the_page_is_for_reading_only(member_client, agreement):
    assert member_client.post(reverse("trust:agreement", args=[agreement.pk])).status_code == 405
