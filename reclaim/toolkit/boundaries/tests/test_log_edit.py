from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.boundaries.models import Boundary, Occasion
from reclaim.vault.fields import open_row


def test_a_note_opens_with_its_words_and_can_be_changed(member_client, boundary, occasion):
    url = reverse("boundaries:log_edit", args=[occasion.pk])
    page = member_client.get(url)
    assert "Change this note" in html.words(html.main(page))
    assert html.values(page, "what") == ["It came up again."]
    assert html.values(page, "day") == ["2026-01-05"]
    response = member_client.post(
        url, {"day": "2026-01-04", "what": "Changed.", "outcome": "not", "did": ""}
    )
    assert response["Location"] == reverse("boundaries:detail", args=[boundary.pk])
    occasion = open_row(Occasion.objects.get(pk=occasion.pk))
    assert occasion.day.isoformat() == "2026-01-04" and occasion.outcome == "not"
    boundary = open_row(Boundary.objects.get(pk=boundary.pk))
    assert boundary.tally["not"] == 1 and boundary.tally["held"] == 0


def test_bad_input_keeps_the_words_and_changes_nothing(member_client, occasion):
    url = reverse("boundaries:log_edit", args=[occasion.pk])
    page = member_client.post(
        url, {"day": "not a day", "what": "New words kept.", "outcome": "held"}
    )
    text = html.words(html.main(page))
    assert "That date did not come through." in text and "New words kept." in text
    occasion = open_row(Occasion.objects.get(pk=occasion.pk))
    assert occasion.what == "It came up again."
