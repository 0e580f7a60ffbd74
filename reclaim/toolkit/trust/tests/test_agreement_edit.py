"""Changing an agreement's words or since when."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.trust.models import Agreement
from reclaim.vault.fields import open_row


def test_the_form_opens_with_the_agreement_and_saves_a_change(member_client, agreement):
    url = reverse("trust:agreement_edit", args=[agreement.pk])
    page = member_client.get(url)
    assert "Change this agreement" in html.words(html.main(page))
    assert html.values(page, "text") == ["No contact with the other person."]
    assert html.values(page, "since") == ["2026-01-05"]
    response = member_client.post(url, {"text": "No contact at all.", "since": "2026-01-09"})
    assert response["Location"] == reverse("trust:agreement", args=[agreement.pk])
    agreement = open_row(Agreement.objects.get(pk=agreement.pk))  # sealed values open afresh
    assert agreement.text == "No contact at all."
    assert agreement.since_date == date(2026, 1, 9)


def test_emptying_it_is_refused_kindly_and_the_old_words_stay_saved(member_client, agreement):
    url = reverse("trust:agreement_edit", args=[agreement.pk])
    page = member_client.post(url, {"text": "", "since": "2026-01-09"})
    assert "An agreement needs a few words" in html.words(html.main(page))
    assert html.values(page, "since") == ["2026-01-09"]
    agreement = open_row(Agreement.objects.get(pk=agreement.pk))  # sealed values open afresh
    assert agreement.text == "No contact with the other person."
