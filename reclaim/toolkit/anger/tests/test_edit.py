"""Changing a moment already logged."""

from __future__ import annotations

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.anger.models import Entry
from reclaim.vault.fields import open_row


def test_the_form_opens_with_what_was_logged(member_client, moment):
    page = member_client.get(reverse("anger:edit", args=[moment.pk]))
    assert "Change this moment" in html.words(html.main(page))
    assert html.values(page, "intensity") == ["6"]
    assert "The old photo on the fridge." in html.words(html.main(page))
    assert html.values(page, "places") == ["jaw", "hands"]


def test_a_change_is_saved_and_the_day_stays(member_client, member, moment):
    response = member_client.post(
        reverse("anger:edit", args=[moment.pk]),
        {"intensity": "3", "places": ["stomach"], "trigger": "The photo, again.", "urge": ""},
    )
    assert response["Location"] == reverse("anger:saved", args=[moment.pk])
    changed = open_row(Entry.objects.get(pk=moment.pk))
    assert changed.intensity == 3
    assert changed.places == ["stomach"]
    assert changed.trigger == "The photo, again."
    assert changed.urge == ""
    assert changed.day == moment.day
    assert Entry.objects.filter(owner=member).count() == 1


def test_bad_input_keeps_the_new_words_and_leaves_the_row_alone(member_client, moment):
    response = member_client.post(
        reverse("anger:edit", args=[moment.pk]),
        {"intensity": "eleven", "trigger": "New words here"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "The strength is a number from 0 to 10." in page
    assert "New words here" in page
    assert open_row(Entry.objects.get(pk=moment.pk)).trigger == "The old photo on the fridge."
