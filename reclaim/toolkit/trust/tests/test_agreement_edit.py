"""Changing an agreement's words or since when."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from reclaim.toolkit.trust.models import Agreement
from reclaim.vault.fields import open_row


def test_the_form_opens_with_the_agreement_and_saves_a_change(member_client, agreement):
    url = reverse("trust:agreement_edit", args=[agreement.pk])
    html = member_client.get(url).content.decode()
    assert "Change this agreement" in html
    assert "No contact with the other person." in html and 'value="2026-01-05"' in html
    response = member_client.post(url, {"text": "No contact at all.", "since": "2026-01-09"})
    assert response["Location"] == reverse("trust:agreement", args=[agreement.pk])
    agreement = open_row(Agreement.objects.get(pk=agreement.pk))  # sealed values open afresh
    assert agreement.text == "No contact at all."
    assert agreement.since_date == date(2026, 1, 9)


def test_emptying_it_is_refused_kindly_and_the_old_words_stay_saved(member_client, agreement):
    url = reverse("trust:agreement_edit", args=[agreement.pk])
    html = member_client.post(url, {"text": "", "since": "2026-01-09"}).content.decode()
    assert "An agreement needs a few words" in html
    assert 'value="2026-01-09"' in html
    agreement = open_row(Agreement.objects.get(pk=agreement.pk))  # sealed values open afresh
    assert agreement.text == "No contact with the other person."
