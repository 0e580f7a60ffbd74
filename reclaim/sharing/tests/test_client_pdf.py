"""The client page as a PDF: only what is shared now, each part a look, kept nowhere."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from reclaim.sharing.models import Look
from reclaim.testing.html import rows, section, words

from .makers import (
    CHECKIN_NOTE,
    ENTRY_WORDS,
    OTHER_ENTRY_WORDS,
    PLAN_LINE,
    connect,
    member_data,
    switch,
)


@pytest.fixture
def shared(member, practitioner):
    data = member_data(member)
    return {"connection": connect(member, practitioner, name="Robin"), **data}


def _pdf(practitioner_client: Client, connection) -> tuple[str, object]:
    response = practitioner_client.get(reverse("practice:client_pdf", args=[connection.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    return text, response


def test_the_pdf_holds_what_is_shared_and_nothing_else(shared, practitioner_client):
    switch(shared["connection"], results=["phq9"], trends=True, safety_plan=True)
    text, _ = _pdf(practitioner_client, shared["connection"])
    assert "Robin" in text
    assert "8 out of 27" in text
    assert (
        "Clinically significant improvement" in text or "clinically significant improvement" in text
    )
    assert "Check-in trends" in text
    assert PLAN_LINE in text
    assert "GAD-7" not in text
    for never in (CHECKIN_NOTE, ENTRY_WORDS, OTHER_ENTRY_WORDS):
        assert never not in text


def test_a_switch_turned_off_leaves_its_part_out_of_the_next_pdf(
    shared, member_client, practitioner_client
):
    connection = shared["connection"]
    switch(connection, results=["phq9"], trends=True, safety_plan=True)
    before, _ = _pdf(practitioner_client, connection)
    assert PLAN_LINE in before
    # The member unticks everything but the trends, on their own page.
    member_client.post(reverse("sharing:connection", args=[connection.pk]), {"trends": "on"})
    after, _ = _pdf(practitioner_client, connection)
    assert PLAN_LINE not in after
    assert "8 out of 27" not in after and "PHQ-9" not in after
    assert "Check-in trends" in after


def test_downloading_the_pdf_is_a_look_the_member_sees(shared, practitioner_client):
    connection = shared["connection"]
    switch(connection, results=["phq9"], safety_plan=True)
    _pdf(practitioner_client, connection)
    looks = set(Look.objects.filter(connection=connection).values_list("part", "key", "copied"))
    assert looks == {("results", "phq9", True), ("safety_plan", "", True)}


def test_the_member_can_tell_a_downloaded_copy_from_a_read(
    shared, practitioner_client, member_client
):
    connection = shared["connection"]
    switch(connection, safety_plan=True)
    practitioner_client.get(reverse("practice:client", args=[connection.pk]))
    _pdf(practitioner_client, connection)
    page = member_client.get(reverse("sharing:connection", args=[connection.pk]))
    log = rows(section(page, "Every time they looked"))
    assert [row[1:] for row in log[1:]] == [
        ["Safety plan", "Downloaded as PDF"],
        ["Safety plan", "Viewed"],
    ]


def test_the_pdf_has_a_neutral_name_and_is_not_kept_by_the_browser(shared, practitioner_client):
    switch(shared["connection"], results=["phq9"])
    _, response = _pdf(practitioner_client, shared["connection"])
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="session-')
    assert "Robin" not in disposition and "phq" not in disposition.lower()
    assert "no-store" in response["Cache-Control"]


def test_the_client_page_offers_the_pdf(shared, practitioner_client):
    from reclaim.testing.html import links

    connection = shared["connection"]
    page = practitioner_client.get(reverse("practice:client", args=[connection.pk]))
    assert ("Download as PDF", reverse("practice:client_pdf", args=[connection.pk])) in links(page)


def test_the_member_is_told_a_saved_pdf_stays_with_the_practitioner(shared, member_client):
    page = member_client.get(reverse("sharing:connection", args=[shared["connection"].pk]))
    assert "A saved copy stays with them after you untick something." in words(page)
